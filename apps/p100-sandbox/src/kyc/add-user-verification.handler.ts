import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { scaled, type SandboxConfig } from '../config/sandbox-config';
import { SANDBOX_CONFIG } from '../config/sandbox-config.token';
import { P100Error } from '../errors/p100-error';
import { parseP100Input } from '../errors/parse-p100-input';
import { requireUser } from '../users/require-user';
import { markVerificationRequested } from '../users/users.repository';
import { addUserVerificationRequest } from './add-user-verification.request';
import { KycDecisionWorker } from './kyc-decision.worker';
import { scheduleVerification } from './kyc-verifications.repository';

/** After this many submissions (the first plus re-submissions after rejection) P100 says P453. */
const MAX_VERIFICATION_ATTEMPTS = 3;

/**
 * Add User Verification: queues the asynchronous KYC decision, due after the configured review
 * time. Answers P450 for a verified user and 202 P212 while a decision is pending, so a retried
 * call never queues a second review.
 */
@Injectable()
export class AddUserVerificationHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly decisions: KycDecisionWorker,
    @Inject(SANDBOX_CONFIG) private readonly config: SandboxConfig,
  ) {}

  async execute(body: unknown): Promise<Record<string, never>> {
    const { externalUserId } = parseP100Input(addUserVerificationRequest, body);
    await this.dataSource.transaction(async (tx) => {
      const user = await requireUser(tx, externalUserId, { lock: true });
      if (user.status === 'ACTIVE') throw new P100Error('P450');
      if (user.status === 'KYC_PENDING') throw new P100Error('P212');
      if (user.verification_attempts >= MAX_VERIFICATION_ATTEMPTS) throw new P100Error('P453');
      await scheduleVerification(tx, user.id, scaled(this.config, this.config.kycDecisionDelayMs));
      await markVerificationRequested(tx, user.id);
    });
    this.decisions.wake();
    return {};
  }
}
