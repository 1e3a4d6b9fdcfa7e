import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { SandboxConfig } from '../config/sandbox-config';
import { SANDBOX_CONFIG } from '../config/sandbox-config.token';
import { query, queryOne } from '../database/sql';
import { DueRowWorker, pendingRows, type DueRow } from '../shared/due-row.worker';
import { findUserById } from '../users/users.repository';
import { enqueueWebhook } from '../webhooks/enqueue-webhook';
import { applyKycDecision } from './apply-kyc-decision';
import { resolveKycDecision, type KycDecision } from './kyc-decision';

const POA_OUTCOME: Record<KycDecision, 'APPROVED' | 'REJECTED' | 'QUESTIONED'> = {
  approve: 'APPROVED',
  reject: 'REJECTED',
  // Still "proof of address needed": the document did not settle it, the user must re-upload.
  poa_required: 'QUESTIONED',
};

/**
 * Decides proof-of-address reviews by the admin's KYC decision for the user (approve → APPROVED,
 * reject → REJECTED, poa_required → QUESTIONED), reported by POA Verification Status. An
 * approved POA completes the KYC of a high-risk (POA_REQUIRED) user: balances, ACTIVE and the
 * same webhooks as an approving KYC decision.
 */
@Injectable()
export class PoaReviewWorker extends DueRowWorker {
  constructor(
    dataSource: DataSource,
    @Inject(SANDBOX_CONFIG) private readonly config: SandboxConfig,
  ) {
    super(dataSource, pendingRows('poa_verifications'), config.pollIntervalMs);
  }

  protected async process(tx: EntityManager, { id }: DueRow): Promise<void> {
    const review = await queryOne<{ user_id: string }>(tx, `SELECT user_id FROM poa_verifications WHERE id = $1`, [id]);
    const user = (await findUserById(tx, review!.user_id, true))!;
    const decision = await resolveKycDecision(tx, user.external_user_id, this.config.defaultKycDecision);
    const status = POA_OUTCOME[decision];
    await query(tx, `UPDATE poa_verifications SET status = $2, decided_at = now() WHERE id = $1`, [id, status]);
    await enqueueWebhook(tx, { event: 'poa-verification-status', payload: { externalUserId: user.external_user_id, status } });
    if (status === 'APPROVED' && user.status === 'POA_REQUIRED') {
      const verification = await queryOne<{ id: string }>(
        tx,
        `SELECT id FROM kyc_verifications WHERE user_id = $1 ORDER BY created_at DESC LIMIT 1`,
        [user.id],
      );
      await applyKycDecision(tx, user, verification?.id ?? id, 'approve');
    }
  }
}
