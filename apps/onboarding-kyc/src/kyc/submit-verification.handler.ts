import { Injectable } from '@nestjs/common';
import { userRefSchema, type UserRef, type UserView } from '@platform/contracts';
import type { CommandHandler } from '@platform/kafka';
import { P100Client, P100KycVerificationPendingError } from '@platform/p100-client';
import { toUserView } from '../users/user.entity';
import { UserCommandRunner } from '../users/user-command.runner';

/**
 * Add User Verification: starts P100's asynchronous KYC decision (its outcome comes by webhook:
 * ACTIVE, REJECTED or POA required). Answered at once when the user is past this step already.
 */
@Injectable()
export class SubmitVerificationHandler implements CommandHandler<UserRef, UserView> {
  readonly schema = userRefSchema;

  constructor(
    private readonly commands: UserCommandRunner,
    private readonly p100: P100Client,
  ) {}

  async handle({ externalUserId }: UserRef): Promise<UserView> {
    const { user } = await this.commands.run({
      externalUserId,
      trigger: 'verificationSubmitted',
      operation: 'addUserVerification',
      request: { externalUserId },
      // P100 answers P212 while a decision is pending: a repeat cannot queue a second review...
      reattemptUnknown: true,
      call: () => this.p100.users.addVerification({ externalUserId }),
      // ...and that P212 means our earlier submission, whose answer was lost, is being decided.
      alreadyDone: (error) => error instanceof P100KycVerificationPendingError,
    });
    return toUserView(user);
  }
}
