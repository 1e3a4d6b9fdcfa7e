import { Injectable } from '@nestjs/common';
import { userRefSchema, type UserRef, type UserView } from '@platform/contracts';
import type { CommandHandler } from '@platform/kafka';
import { P100Client } from '@platform/p100-client';
import { toUserView } from './user.entity';
import { UserCommandRunner } from './user-command.runner';

/**
 * Suspend User: P100 then refuses the user's operations; so do our own state-changing commands
 * (USER_SUSPENDED) until unsuspended. P100 refuses while the user holds active cards (P454 →
 * USER_HAS_ACTIVE_CARDS); once they are blocked a new attempt is sent (a fresh intent key).
 */
@Injectable()
export class SuspendUserHandler implements CommandHandler<UserRef, UserView> {
  readonly schema = userRefSchema;

  constructor(
    private readonly commands: UserCommandRunner,
    private readonly p100: P100Client,
  ) {}

  async handle({ externalUserId }: UserRef): Promise<UserView> {
    const { user } = await this.commands.run({
      externalUserId,
      trigger: 'suspended',
      operation: 'suspendUser',
      request: { externalUserId },
      // Suspending a suspended user changes nothing at P100.
      reattemptUnknown: true,
      call: () => this.p100.users.suspend(externalUserId),
    });
    return toUserView(user);
  }
}
