import { Inject, Injectable } from '@nestjs/common';
import { startHostedKycSchema, type HostedKycView, type StartHostedKycInput } from '@platform/contracts';
import type { CommandHandler } from '@platform/kafka';
import { P100Client, type OperationName, type P100ClientConfig } from '@platform/p100-client';
import { P100_CLIENT_CONFIG } from '../p100/p100.providers';
import { toUserView, type UserEntity } from '../users/user.entity';
import { UserCommandRunner } from '../users/user-command.runner';
import { hostedKycUrl } from './hosted-kyc-url';

export const START_HOSTED_KYC_OPERATION = 'createKycVerification' satisfies OperationName;

/**
 * KYC method B: Create KYC Verification. The session's verificationId is stored (its webhook is
 * recognised by it) and the answer carries the URL to open in the end user's browser. A user
 * whose session is started already gets that session again (P100 charges a fee per session).
 */
@Injectable()
export class StartHostedKycHandler implements CommandHandler<StartHostedKycInput, HostedKycView> {
  readonly schema = startHostedKycSchema;

  constructor(
    private readonly commands: UserCommandRunner,
    private readonly p100: P100Client,
    @Inject(P100_CLIENT_CONFIG) private readonly config: P100ClientConfig,
  ) {}

  async handle(input: StartHostedKycInput): Promise<HostedKycView> {
    const { user, answer } = await this.commands.run({
      externalUserId: input.externalUserId,
      trigger: 'kycSessionStarted',
      operation: START_HOSTED_KYC_OPERATION,
      request: input,
      // No reattemptUnknown: P100 does not dedupe sessions and bills each one; the reconciler
      // (StartHostedKycResolver) asks Get KYC Status instead.
      subject: (current) => ({ externalUserId: input.externalUserId, previousVerificationId: current.kycVerificationId ?? '' }),
      call: () => this.p100.kyc.createVerification(input),
      facts: ({ verificationId }) => ({ kycVerificationId: verificationId }),
    });
    return this.view(user, answer?.verificationId ?? user.kycVerificationId!);
  }

  private view(user: UserEntity, verificationId: string): HostedKycView {
    return { user: toUserView(user), verificationId, redirectUrl: hostedKycUrl(this.config, user.externalUserId, verificationId) };
  }
}
