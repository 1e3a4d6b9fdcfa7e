import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError } from '@platform/contracts';
import type { SandboxConfig } from '../config/sandbox-config';
import { SANDBOX_CONFIG } from '../config/sandbox-config.token';
import { query } from '../database/sql';
import { resolveKycDecision } from '../kyc/kyc-decision';
import { findUserByExternalId } from '../users/users.repository';

/** Everything the sandbox knows about one user's onboarding, for tests and debugging. */
@Injectable()
export class GetUserStateHandler {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(SANDBOX_CONFIG) private readonly config: SandboxConfig,
  ) {}

  async execute(externalUserId: string) {
    const user = await findUserByExternalId(this.dataSource, externalUserId);
    if (!user) throw new DomainError('NOT_FOUND', `no user ${externalUserId}`);
    const [kycFiles, verifications, nextDecision] = await Promise.all([
      query(
        this.dataSource,
        `SELECT field_name AS "fieldName", file_name AS "fileName", mime_type AS "mimeType", size_bytes AS "sizeBytes",
                sha256, created_at AS "createdAt"
           FROM kyc_files WHERE user_id = $1 ORDER BY created_at`,
        [user.id],
      ),
      query(
        this.dataSource,
        `SELECT id, status, due_at AS "dueAt", decision, decided_at AS "decidedAt"
           FROM kyc_verifications WHERE user_id = $1 ORDER BY created_at`,
        [user.id],
      ),
      resolveKycDecision(this.dataSource, externalUserId, this.config.defaultKycDecision),
    ]);
    return {
      userId: user.id,
      externalUserId: user.external_user_id,
      status: user.status,
      country: user.country,
      poaRequiredForExtended: user.poa_required_for_extended,
      verificationAttempts: user.verification_attempts,
      nextKycDecision: nextDecision,
      kycFiles,
      verifications,
    };
  }
}
