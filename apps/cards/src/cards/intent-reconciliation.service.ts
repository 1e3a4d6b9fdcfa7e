import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { IntentReconciler } from '@platform/database';
import { CARDS_CONFIG, type CardsConfig } from '../cards.config';
import { CreateCardResolver } from './create-card.resolver';

/** Runs the platform's intent reconciler over the cards service's P100 side effects (lost creates) while the service is up. */
@Injectable()
export class IntentReconciliationService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('IntentReconciliation');
  readonly reconciler: IntentReconciler;

  constructor(dataSource: DataSource, createCard: CreateCardResolver, @Inject(CARDS_CONFIG) config: CardsConfig) {
    this.reconciler = new IntentReconciler({
      dataSource,
      resolvers: [createCard],
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
