import { Injectable } from '@nestjs/common';
import type { IntentResolver, OpenIntent, Resolution } from '@platform/database';
import { P100Client, P100KycNotFoundError } from '@platform/p100-client';
import { UserLifecycle } from '../users/user-lifecycle';
import { START_HOSTED_KYC_OPERATION } from './start-hosted-kyc.handler';
import { kycStatusOf } from './kyc-status.view';

/**
 * Settles a Create KYC Verification whose answer was lost. Get KYC Status names the user's
 * latest session: one other than the session the user had before the call is the one we asked
 * for (the user moves to KYC_SESSION_STARTED with it); none, or the same as before, means P100
 * created nothing, and the intent may be sent again.
 */
@Injectable()
export class StartHostedKycResolver implements IntentResolver {
  readonly operation = START_HOSTED_KYC_OPERATION;

  constructor(
    private readonly p100: P100Client,
    private readonly lifecycle: UserLifecycle,
  ) {}

  async resolve(intent: OpenIntent): Promise<Resolution> {
    const externalUserId = intent.subject?.externalUserId;
    if (!externalUserId) return { outcome: 'unknown' };
    let verificationId: string | null;
    try {
      verificationId = kycStatusOf(externalUserId, await this.p100.kyc.getStatus(externalUserId)).verificationId;
    } catch (error) {
      if (error instanceof P100KycNotFoundError) return { outcome: 'absent' };
      throw error;
    }
    if (!verificationId || verificationId === intent.subject?.previousVerificationId) return { outcome: 'absent' };
    return {
      outcome: 'done',
      response: { verificationId },
      apply: async (manager) => {
        await this.lifecycle.apply(manager, externalUserId, 'kycSessionStarted', { source: 'reconciler', id: intent.idempotencyKey }, { kycVerificationId: verificationId });
      },
    };
  }
}
