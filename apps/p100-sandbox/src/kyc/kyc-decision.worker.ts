import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { SandboxConfig } from '../config/sandbox-config';
import { SANDBOX_CONFIG } from '../config/sandbox-config.token';
import { DueRowWorker } from '../shared/due-row.worker';
import { findUserById } from '../users/users.repository';
import { applyKycDecision } from './apply-kyc-decision';
import { resolveKycDecision } from './kyc-decision';
import { claimDueVerification, markVerificationDecided, msUntilNextVerification, type DueVerification } from './kyc-verifications.repository';

/**
 * Decides due KYC verifications. Pending verifications are rows, so one requested before a
 * restart is decided after it. Each decision (state, balances, webhooks) is one transaction.
 */
@Injectable()
export class KycDecisionWorker extends DueRowWorker<DueVerification> {
  constructor(
    dataSource: DataSource,
    @Inject(SANDBOX_CONFIG) private readonly config: SandboxConfig,
  ) {
    super(dataSource, { table: 'kyc_verifications', claim: claimDueVerification, msUntilNext: msUntilNextVerification }, config.pollIntervalMs);
  }

  protected async process(tx: EntityManager, due: DueVerification): Promise<void> {
    const user = await findUserById(tx, due.user_id, true);
    if (!user) return; // deleted meanwhile: the cascade removes the verification too
    const decision = await resolveKycDecision(tx, user.external_user_id, this.config.defaultKycDecision);
    await applyKycDecision(tx, user, due.id, decision);
    await markVerificationDecided(tx, due.id, decision);
    this.logger.log({ externalUserId: user.external_user_id, decision }, 'KYC decided');
  }
}
