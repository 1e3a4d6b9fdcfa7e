import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { SandboxConfig } from '../config/sandbox-config';
import { SANDBOX_CONFIG } from '../config/sandbox-config.token';
import { query } from '../database/sql';
import { P100Error } from '../errors/p100-error';
import { parseP100Input } from '../errors/parse-p100-input';
import { LedgerService } from '../ledger/ledger.service';
import { isPositive } from '../money/decimal';
import { requireUser } from '../users/require-user';
import { createKycVerificationRequest } from './create-kyc-verification.request';
import { sessionCounts } from './kyc-sessions.repository';

/** Hosted sessions a user may open (the docs give no number for P453 (inferred); as Add User Verification). */
const MAX_SESSIONS = 3;

/**
 * Method B: Creating KYC Verification (#25). Checks P403, P412, P450 (verified), 202 P212 (a
 * session is under review), P453 (sessions used up), then charges the partner the KYC fee
 * (P433 when the partner's EUR balance cannot pay it; fee configurable, 0 by default). The
 * session waits for the user to open the redirect URL (#26).
 */
@Injectable()
export class CreateKycVerificationHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly ledger: LedgerService,
    @Inject(SANDBOX_CONFIG) private readonly config: SandboxConfig,
  ) {}

  async execute(body: unknown): Promise<{ verificationId: string }> {
    const input = parseP100Input(createKycVerificationRequest, body);
    const verificationId = randomUUID();
    await this.dataSource.transaction(async (tx) => {
      const user = await requireUser(tx, input.externalUserId, { lock: true });
      if (user.status === 'ACTIVE') throw new P100Error('P450');
      const counts = await sessionCounts(tx, user.id);
      if (counts.pending > 0 || user.status === 'KYC_PENDING') throw new P100Error('P212');
      if (counts.total >= MAX_SESSIONS) throw new P100Error('P453');
      if (isPositive(this.config.kycFeeEur)) {
        const paid = await this.ledger.tryDebit(tx, {
          owner: { kind: 'partner' },
          currency: 'eur',
          amount: this.config.kycFeeEur,
          reference: { type: 'kyc-verification-fee', id: verificationId },
        });
        if (!paid) throw new P100Error('P433', 'Insufficient partner funds for the KYC verification fee');
      }
      await query(
        tx,
        `INSERT INTO kyc_sessions (id, user_id, document_type, country, income_source, open_account_reason, status)
         VALUES ($1, $2, $3, $4, $5, $6, 'CREATED')`,
        [verificationId, user.id, input.documentType, input.country, input.incomeSource, input.openAccountReason],
      );
    });
    return { verificationId };
  }
}
