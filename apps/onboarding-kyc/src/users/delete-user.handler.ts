import { Injectable } from '@nestjs/common';
import { userRefSchema, type UserRef, type UserView } from '@platform/contracts';
import type { CommandHandler } from '@platform/kafka';
import { P100Client, P100UserNotFoundError } from '@platform/p100-client';
import { toUserView } from './user.entity';
import { UserCommandRunner } from './user-command.runner';

/**
 * Delete User: final. Afterwards every command on the user answers USER_DELETED; get user still
 * answers its view (status DELETED), so the caller can see what happened.
 */
@Injectable()
export class DeleteUserHandler implements CommandHandler<UserRef, UserView> {
  readonly schema = userRefSchema;

  constructor(
    private readonly commands: UserCommandRunner,
    private readonly p100: P100Client,
  ) {}

  async handle({ externalUserId }: UserRef): Promise<UserView> {
    const { user } = await this.commands.run({
      externalUserId,
      trigger: 'deleted',
      operation: 'deleteUser',
      request: { externalUserId },
      reattemptUnknown: true,
      call: () => this.p100.users.delete(externalUserId),
      // P100 answers P412 for a deleted user: a repeat whose first answer was lost finds it gone.
      alreadyDone: (error) => error instanceof P100UserNotFoundError,
    });
    return toUserView(user);
  }
}
