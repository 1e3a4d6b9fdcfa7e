import { Injectable } from '@nestjs/common';
import { userRefSchema, type UserRef, type UserView } from '@platform/contracts';
import type { CommandHandler } from '@platform/kafka';
import { P100Client } from '@platform/p100-client';
import { toUserView } from './user.entity';
import { UserCommandRunner } from './user-command.runner';

/** Unsuspend User: lifts the suspension; answered at once for a user who is not suspended. */
@Injectable()
export class UnsuspendUserHandler implements CommandHandler<UserRef, UserView> {
  readonly schema = userRefSchema;

  constructor(
    private readonly commands: UserCommandRunner,
    private readonly p100: P100Client,
  ) {}

  async handle({ externalUserId }: UserRef): Promise<UserView> {
    const { user } = await this.commands.run({
      externalUserId,
      trigger: 'unsuspended',
      operation: 'unsuspendUser',
      request: { externalUserId },
      // Unsuspending twice changes nothing at P100.
      reattemptUnknown: true,
      call: () => this.p100.users.unsuspend(externalUserId),
    });
    return toUserView(user);
  }
}
