import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { scaled, type SandboxConfig } from '../config/sandbox-config';
import { SANDBOX_CONFIG } from '../config/sandbox-config.token';
import { dueIn, query, queryOne } from '../database/sql';
import { P100Error, P100ValidationError } from '../errors/p100-error';
import { requireUser } from '../users/require-user';
import { enqueueWebhook } from '../webhooks/enqueue-webhook';
import { KYC_UPLOAD_LIMITS } from './kyc-upload-limits';
import { PoaReviewWorker } from './poa-review.worker';
import type { ReceivedFile } from './read-multipart-files';

/**
 * Add POA File (#29). Checks in order: P412, P403 (no file, > 3 files), P426, P440, P447 (already
 * approved), 202 P211 (one under review), P460 (no proof of address is asked of this user:
 * neither high risk (POA_REQUIRED) nor `poaRequiredForExtended` (inferred reading of "POA
 * verification not found")). Files' metadata only is stored; the review is decided
 * after the configured KYC review time and reported by POA Verification Status (WAITING now,
 * the outcome later).
 */
@Injectable()
export class AddPoaFileHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly worker: PoaReviewWorker,
    @Inject(SANDBOX_CONFIG) private readonly config: SandboxConfig,
  ) {}

  async execute(externalUserId: string, files: readonly ReceivedFile[]): Promise<Record<string, never>> {
    await this.dataSource.transaction(async (tx) => {
      const user = await requireUser(tx, externalUserId, { lock: true });
      if (files.length === 0) throw new P100ValidationError(['files should not be empty']);
      if (files.length > KYC_UPLOAD_LIMITS.maxFiles) {
        throw new P100ValidationError([`files must contain no more than ${KYC_UPLOAD_LIMITS.maxFiles} elements`]);
      }
      const badType = files.find((f) => !KYC_UPLOAD_LIMITS.mimeTypes.has(f.mimeType));
      if (badType) throw new P100Error('P426', `Invalid file type ${badType.mimeType}; allowed: ${[...KYC_UPLOAD_LIMITS.mimeTypes].join(', ')}`);
      const tooLarge = files.find((f) => f.tooLarge);
      if (tooLarge) throw new P100Error('P440', `File ${tooLarge.fileName} is larger than 5 MB`);
      const open = await queryOne<{ status: string }>(
        tx,
        `SELECT status FROM poa_verifications WHERE user_id = $1 AND status IN ('APPROVED', 'PENDING') ORDER BY status LIMIT 1`,
        [user.id],
      );
      if (open?.status === 'APPROVED') throw new P100Error('P447');
      if (open?.status === 'PENDING') throw new P100Error('P211');
      if (user.status !== 'POA_REQUIRED' && !user.poa_required_for_extended) throw new P100Error('P460');

      const metadata = files.map((f) => ({ fileName: f.fileName, mimeType: f.mimeType, sizeBytes: f.sizeBytes, sha256: f.sha256 }));
      await query(
        tx,
        `INSERT INTO poa_verifications (id, user_id, status, files, due_at)
         VALUES ($1, $2, 'PENDING', $3::jsonb, ${dueIn('$4')})`,
        [randomUUID(), user.id, JSON.stringify(metadata), scaled(this.config, this.config.kycDecisionDelayMs)],
      );
      await enqueueWebhook(tx, { event: 'poa-verification-status', payload: { externalUserId, status: 'WAITING' } });
    });
    this.worker.wake();
    return {};
  }
}
