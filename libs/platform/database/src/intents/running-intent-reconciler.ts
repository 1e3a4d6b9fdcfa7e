import { Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { IntentReconciler, type IntentResolver } from './intent-reconciler';

/** The reconciler's timing, as every service with P100 side effects reads it (INTENT_RECONCILE_*). */
export interface IntentReconcilerSettings {
  INTENT_RECONCILE_INTERVAL_MS: number;
  INTENT_RECONCILE_UNKNOWN_AFTER_MS: number;
  INTENT_RECONCILE_PENDING_AFTER_MS: number;
}

/**
 * The intent reconciler of a service, running while the service is up: each service subclasses
 * it as a provider with its own resolvers (one per P100 operation whose outcome can be lost).
 */
export abstract class RunningIntentReconciler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('IntentReconciliation');
  readonly reconciler: IntentReconciler;

  protected constructor(dataSource: DataSource, resolvers: IntentResolver[], settings: IntentReconcilerSettings) {
    this.reconciler = new IntentReconciler({
      dataSource,
      resolvers,
      intervalMs: settings.INTENT_RECONCILE_INTERVAL_MS,
      unknownAfterMs: settings.INTENT_RECONCILE_UNKNOWN_AFTER_MS,
      pendingAfterMs: settings.INTENT_RECONCILE_PENDING_AFTER_MS,
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
