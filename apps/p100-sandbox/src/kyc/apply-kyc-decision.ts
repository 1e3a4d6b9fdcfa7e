import { generateUserBalances } from '../balances/generate-user-balances';
import type { Sql } from '../database/sql';
import type { UserRow } from '../users/user';
import { setUserStatus } from '../users/users.repository';
import { enqueueWebhook } from '../webhooks/enqueue-webhook';
import type { KycDecision } from './kyc-decision';

/**
 * Carries out a KYC decision in the caller's transaction. The docs' order of outcomes is "KYC
 * Verification Status webhook, then user status ACTIVE / balance generation"; the KYC
 * Verification Status payload is not documented, so it follows the proposed
 * `{externalUserId, verificationId, status}` (inferred).
 *
 * - approve: balances generated, user ACTIVE, `kyc-verification-status` APPROVED and
 *   `user-status` ACTIVE (the User Balance Generation webhook).
 * - reject: user REJECTED, no balances, `kyc-verification-status` REJECTED; nothing on user-status.
 * - poa_required: user POA_REQUIRED, no balances, `high-risk-kyc-verification` POA_REQUIRED.
 */
export async function applyKycDecision(tx: Sql, user: UserRow, verificationId: string, decision: KycDecision): Promise<void> {
  const externalUserId = user.external_user_id;
  switch (decision) {
    case 'approve':
      await generateUserBalances(tx, user);
      await setUserStatus(tx, user.id, 'ACTIVE');
      await enqueueWebhook(tx, { event: 'kyc-verification-status', payload: { externalUserId, verificationId, status: 'APPROVED' } });
      await enqueueWebhook(tx, { event: 'user-status', payload: { externalUserId, status: 'ACTIVE' } });
      return;
    case 'reject':
      await setUserStatus(tx, user.id, 'REJECTED');
      await enqueueWebhook(tx, { event: 'kyc-verification-status', payload: { externalUserId, verificationId, status: 'REJECTED' } });
      return;
    case 'poa_required':
      await setUserStatus(tx, user.id, 'POA_REQUIRED');
      await enqueueWebhook(tx, { event: 'high-risk-kyc-verification', payload: { externalUserId, status: 'POA_REQUIRED' } });
      return;
  }
}
