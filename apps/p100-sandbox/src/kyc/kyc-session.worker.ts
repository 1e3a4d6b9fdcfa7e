import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { SandboxConfig } from '../config/sandbox-config';
import { SANDBOX_CONFIG } from '../config/sandbox-config.token';
import { query, queryOne } from '../database/sql';
import { DueRowWorker, pendingRows, type DueRow } from '../shared/due-row.worker';
import { enqueueWebhook } from '../webhooks/enqueue-webhook';
import { resolveKycDecision } from './kyc-decision';

/**
 * Decides Method B sessions the user has completed. The admin's KYC decision applies: `reject`
 * rejects the session; `approve` and `poa_required` approve the identity capture (POA is asked
 * for by the overall decision that Add User Verification triggers). Either way the KYC
 * Verification Status webhook reports the session, `{externalUserId, verificationId, status}`.
 */
@Injectable()
export class KycSessionWorker extends DueRowWorker {
  constructor(
    dataSource: DataSource,
    @Inject(SANDBOX_CONFIG) private readonly config: SandboxConfig,
  ) {
    super(dataSource, pendingRows('kyc_sessions'), config.pollIntervalMs);
  }

  protected async process(tx: EntityManager, { id }: DueRow): Promise<void> {
    const session = await queryOne<{ external_user_id: string }>(
      tx,
      `SELECT u.external_user_id FROM kyc_sessions s JOIN users u ON u.id = s.user_id WHERE s.id = $1`,
      [id],
    );
    const decision = await resolveKycDecision(tx, session!.external_user_id, this.config.defaultKycDecision);
    const status = decision === 'reject' ? 'REJECTED' : 'APPROVED';
    await query(tx, `UPDATE kyc_sessions SET status = $2, decided_at = now() WHERE id = $1`, [id, status]);
    await enqueueWebhook(tx, {
      event: 'kyc-verification-status',
      payload: { externalUserId: session!.external_user_id, verificationId: id, status },
    });
  }
}
