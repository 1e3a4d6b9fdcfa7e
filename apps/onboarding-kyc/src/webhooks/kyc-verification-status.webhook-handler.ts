import { Injectable } from '@nestjs/common';
import type { InboxContext, InboxHandler } from '@platform/database';
import { kycVerificationStatusWebhookSchema, type KycVerificationStatusWebhook } from '@platform/p100-client';
import { UserHistoryRepository } from '../users/user-history.repository';
import { UserLifecycle, type UserTrigger } from '../users/user-lifecycle';
import { UsersRepository } from '../users/users.repository';

/**
 * KYC Verification Status reports two things: a hosted session (its verificationId is the one we
 * stored) and P100's decision after Add User Verification (another id, or none for method A).
 * A report on an earlier session of the user is stale and ignored. The decision's APPROVED moves
 * nothing: the user-status ACTIVE webhook that follows it is what activates the user.
 */
@Injectable()
export class KycVerificationStatusWebhookHandler implements InboxHandler<KycVerificationStatusWebhook> {
  readonly schema = kycVerificationStatusWebhookSchema;

  constructor(
    private readonly users: UsersRepository,
    private readonly history: UserHistoryRepository,
    private readonly lifecycle: UserLifecycle,
  ) {}

  async handle(webhook: KycVerificationStatusWebhook, { manager, eventId }: InboxContext): Promise<void> {
    const user = await this.users.lock(webhook.externalUserId, manager);
    const status = webhook.status.toUpperCase();
    const { verificationId } = webhook;
    let trigger: UserTrigger | null;
    if (verificationId && verificationId === user.kycVerificationId) {
      trigger = status === 'APPROVED' ? 'kycSessionApproved' : status === 'REJECTED' ? 'kycSessionRejected' : null;
    } else if (verificationId && (await this.history.wasKycSession(manager, user.externalUserId, verificationId))) {
      trigger = null;
    } else {
      trigger = status === 'REJECTED' ? 'kycRejected' : null;
    }
    if (!trigger) return;
    await this.lifecycle.apply(manager, user.externalUserId, trigger, { source: 'webhook', id: eventId }, { p100Status: webhook.status });
  }
}
