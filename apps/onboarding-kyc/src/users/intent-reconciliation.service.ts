import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { IntentReconciler } from '@platform/database';
import { StartHostedKycResolver } from '../kyc/start-hosted-kyc.resolver';
import { ONBOARDING_CONFIG, type OnboardingConfig } from '../onboarding.config';
import { CreateLimitedUserResolver, CreateUserResolver } from './create-user.resolver';

/** Runs the platform's intent reconciler over onboarding's P100 side effects while the service is up. */
@Injectable()
export class IntentReconciliationService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('IntentReconciliation');
  readonly reconciler: IntentReconciler;

  constructor(
    dataSource: DataSource,
    createUser: CreateUserResolver,
    createLimitedUser: CreateLimitedUserResolver,
    startHostedKyc: StartHostedKycResolver,
    @Inject(ONBOARDING_CONFIG) config: OnboardingConfig,
  ) {
    this.reconciler = new IntentReconciler({
      dataSource,
      resolvers: [createUser, createLimitedUser, startHostedKyc],
      intervalMs: config.INTENT_RECONCILE_INTERVAL_MS,
      unknownAfterMs: config.INTENT_RECONCILE_UNKNOWN_AFTER_MS,
      pendingAfterMs: config.INTENT_RECONCILE_PENDING_AFTER_MS,
      log: { warn: (message) => this.logger.warn(message) },
    });
  }

  onApplicationBootstrap(): void {
    this.reconciler.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.reconciler.stop();
  }
}
