import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { SandboxConfig } from '../config/sandbox-config';
import { SANDBOX_CONFIG } from '../config/sandbox-config.token';
import { Poller } from '../shared/poller';
import { findUserById } from '../users/users.repository';
import { applyKycDecision } from './apply-kyc-decision';
import { resolveKycDecision } from './kyc-decision';
import { claimDueVerification, markVerificationDecided, msUntilNextVerification } from './kyc-verifications.repository';

const MAX_PER_TICK = 50;

/**
 * Decides due KYC verifications. Pending verifications are rows, so one requested before a
 * restart is decided after it. Each decision (state, balances, webhooks) is one transaction.
 */
@Injectable()
export class KycDecisionWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('KycDecisionWorker');
  private readonly poller: Poller;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(SANDBOX_CONFIG) private readonly config: SandboxConfig,
  ) {
    this.poller = new Poller({
      intervalMs: config.pollIntervalMs,
      tick: () => this.tick(),
      onError: (error) => this.logger.error({ err: error }, 'KYC decision tick failed'),
    });
  }

  onApplicationBootstrap(): void {
    this.poller.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.poller.stop();
  }

  wake(): void {
    this.poller.wake();
  }

  private async tick(): Promise<number | null> {
    for (let i = 0; i < MAX_PER_TICK; i += 1) {
      if (!(await this.decideOne())) return msUntilNextVerification(this.dataSource);
    }
    return 0;
  }

  private decideOne(): Promise<boolean> {
    return this.dataSource.transaction(async (tx) => {
      const due = await claimDueVerification(tx);
      if (!due) return false;
      const user = await findUserById(tx, due.user_id, true);
      if (!user) return true; // deleted meanwhile: the cascade removes the verification too
      const decision = await resolveKycDecision(tx, user.external_user_id, this.config.defaultKycDecision);
      await applyKycDecision(tx, user, due.id, decision);
      await markVerificationDecided(tx, due.id, decision);
      this.logger.log({ externalUserId: user.external_user_id, decision }, 'KYC decided');
      return true;
    });
  }
}
