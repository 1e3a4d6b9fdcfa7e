import { Injectable } from '@nestjs/common';
import { UPDATABLE_USER_FIELDS, updateUserSchema, type UpdateUserInput, type UserView } from '@platform/contracts';
import type { CommandHandler } from '@platform/kafka';
import { P100Client, type UpdateUserRequest } from '@platform/p100-client';
import { toUserView } from './user.entity';
import { UserCommandRunner } from './user-command.runner';

/**
 * Update Existing User: the contact and address fields P100 lets change. The values go to P100
 * only (we keep no contact data); the event and the history name the fields that changed.
 */
@Injectable()
export class UpdateUserHandler implements CommandHandler<UpdateUserInput, UserView> {
  readonly schema = updateUserSchema;

  constructor(
    private readonly commands: UserCommandRunner,
    private readonly p100: P100Client,
  ) {}

  async handle(input: UpdateUserInput): Promise<UserView> {
    const changes: UpdateUserRequest = {};
    for (const field of UPDATABLE_USER_FIELDS) if (input[field] !== undefined) changes[field] = input[field];
    const changedFields = Object.keys(changes).sort();
    const { user } = await this.commands.run({
      externalUserId: input.externalUserId,
      trigger: 'updated',
      operation: 'updateUser',
      request: changes,
      // Setting the same values again changes nothing at P100.
      reattemptUnknown: true,
      call: () => this.p100.users.update(input.externalUserId, changes),
      facts: () => ({ changedFields }),
    });
    return toUserView(user);
  }
}
