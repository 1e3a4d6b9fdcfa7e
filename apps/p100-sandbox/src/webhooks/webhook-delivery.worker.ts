import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { scaled, type SandboxConfig } from '../config/sandbox-config';
import { SANDBOX_CONFIG } from '../config/sandbox-config.token';
import { sandboxMetrics } from '../metrics/sandbox-metrics';
import { PolledWorker } from '../shared/polled-worker';
import { retryDelayAfter, WEBHOOK_MAX_ATTEMPTS, WEBHOOK_TIMEOUT_MS } from './retry-schedule';
import {
  claimDueDeliveries,
  msUntilNextDelivery,
  recordAttempt,
  skipDueDeliveries,
  type AttemptOutcome,
  type ClaimedDelivery,
} from './webhook-deliveries.repository';
import { sendWebhook, type SendResult } from './webhook-sender';

const BATCH_SIZE = 10;
/** Beyond the attempt's own timeout, before a claimed delivery counts as abandoned. */
const LEASE_MARGIN_MS = 10_000;

/** Sends due webhook deliveries to the partner and retries them on P100's schedule. */
@Injectable()
export class WebhookDeliveryWorker extends PolledWorker {
  private readonly metrics = sandboxMetrics();
  private readonly timeoutMs: number;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(SANDBOX_CONFIG) private readonly config: SandboxConfig,
  ) {
    super(config.pollIntervalMs, ['webhook_deliveries']);
    this.timeoutMs = Math.max(1, scaled(config, WEBHOOK_TIMEOUT_MS));
  }

  protected async tick(): Promise<number | null> {
    const baseUrl = this.config.webhook.baseUrl;
    if (!baseUrl) {
      for (const { event } of await skipDueDeliveries(this.dataSource, 'P100_SANDBOX_WEBHOOK_URL is not set')) {
        this.metrics.webhookDeliveries.inc({ event, outcome: 'skipped' });
      }
      return msUntilNextDelivery(this.dataSource);
    }
    const claimed = await this.dataSource.transaction((tx) => claimDueDeliveries(tx, BATCH_SIZE, this.timeoutMs + LEASE_MARGIN_MS));
    await Promise.all(claimed.map((delivery) => this.attempt(baseUrl, delivery)));
    // A full batch may mean more are due right away.
    return claimed.length === BATCH_SIZE ? 0 : msUntilNextDelivery(this.dataSource);
  }

  private async attempt(baseUrl: string, delivery: ClaimedDelivery): Promise<void> {
    const result = await sendWebhook(baseUrl + delivery.path, this.config.webhook.token, delivery.body, this.timeoutMs);
    const outcome = this.outcomeOf(delivery, result);
    await this.dataSource.transaction((tx) => recordAttempt(tx, delivery, outcome));
    const label = outcome.next.status === 'pending' ? 'retrying' : outcome.next.status;
    this.metrics.webhookDeliveries.inc({ event: delivery.event, outcome: label });
    if (outcome.next.status === 'failed') {
      this.logger.warn(
        { deliveryId: delivery.id, event: delivery.event, attempts: delivery.attempt, lastError: result.error },
        'webhook delivery failed after the last attempt',
      );
    }
  }

  private outcomeOf(delivery: ClaimedDelivery, result: SendResult): AttemptOutcome {
    const base = { statusCode: result.statusCode, error: result.error, durationMs: result.durationMs };
    if (result.ok) return { ...base, next: { status: 'delivered' } };
    const delay = delivery.attempt < WEBHOOK_MAX_ATTEMPTS ? retryDelayAfter(delivery.attempt) : null;
    return delay === null ? { ...base, next: { status: 'failed' } } : { ...base, next: { status: 'pending', retryInMs: scaled(this.config, delay) } };
  }
}
