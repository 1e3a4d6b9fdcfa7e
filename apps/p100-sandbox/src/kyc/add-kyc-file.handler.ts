import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { scaled, type SandboxConfig } from '../config/sandbox-config';
import { SANDBOX_CONFIG } from '../config/sandbox-config.token';
import { query } from '../database/sql';
import { P100Error, P100ValidationError } from '../errors/p100-error';
import { requireUser } from '../users/require-user';
import { enqueueWebhook } from '../webhooks/enqueue-webhook';
import { KYC_UPLOAD_LIMITS } from './kyc-upload-limits';
import type { ReceivedFile } from './read-multipart-files';

/**
 * Method A: Add KYC File. Checks the upload like P100 (P412, P426, P440), records the files'
 * metadata and, after a short processing lag, reports the outcome with the KYC File Added
 * webhook: `ADDED`, or `ERROR` when a file is empty (nothing P100 could process).
 */
@Injectable()
export class AddKycFileHandler {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(SANDBOX_CONFIG) private readonly config: SandboxConfig,
  ) {}

  async execute(externalUserId: string, files: readonly ReceivedFile[]): Promise<Record<string, never>> {
    const user = await requireUser(this.dataSource, externalUserId);
    if (files.length === 0) throw new P100ValidationError(['files should not be empty']);
    if (files.length > KYC_UPLOAD_LIMITS.maxFiles) {
      throw new P100ValidationError([`files must contain no more than ${KYC_UPLOAD_LIMITS.maxFiles} elements`]);
    }
    const badType = files.find((f) => !KYC_UPLOAD_LIMITS.mimeTypes.has(f.mimeType));
    if (badType) {
      throw new P100Error('P426', `Invalid file type ${badType.mimeType}; allowed: ${[...KYC_UPLOAD_LIMITS.mimeTypes].join(', ')}`);
    }
    const tooLarge = files.find((f) => f.tooLarge);
    if (tooLarge) throw new P100Error('P440', `File ${tooLarge.fileName} is larger than 5 MB`);

    const status = files.some((f) => f.sizeBytes === 0) ? 'ERROR' : 'ADDED';
    await this.dataSource.transaction(async (tx) => {
      for (const file of files) {
        await query(
          tx,
          `INSERT INTO kyc_files (id, user_id, field_name, file_name, mime_type, size_bytes, sha256)
           VALUES ($1, $2, $3, $4, $5, $6, $7)`,
          [randomUUID(), user.id, file.fieldName, file.fileName, file.mimeType, file.sizeBytes, file.sha256],
        );
      }
      await enqueueWebhook(tx, {
        event: 'kyc-file-status',
        payload: { externalUserId, status },
        delayMs: scaled(this.config, this.config.kycFileWebhookDelayMs),
      });
    });
    return {};
  }
}
