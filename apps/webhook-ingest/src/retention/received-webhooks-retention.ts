import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { WEBHOOK_INGEST_CONFIG, type WebhookIngestConfig } from '../webhook-ingest.config';

const BATCH = 5_000;

/**
 * Deletes received webhooks older than WEBHOOK_RETENTION_DAYS, in small batches, never one whose
 * outbox row is still unpublished: an event leaves the inbox only after it has reached Kafka.
 * Its dedupe key goes with it; P100 stops retrying after minutes, so days of retention are
 * enough to absorb redeliveries. Quarantined webhooks (small JSON objects on unknown paths) fall
 * under the same retention: an operator has WEBHOOK_RETENTION_DAYS to look at them.
 * Every replica may run it: the DELETE is idempotent.
 */
@Injectable()
export class ReceivedWebhooksRetention implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('ReceivedWebhooksRetention');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(WEBHOOK_INGEST_CONFIG) private readonly config: WebhookIngestConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.runOnce().catch((e) => this.logger.warn(`retention failed: ${(e as Error).message}`)), this.config.WEBHOOK_RETENTION_INTERVAL_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }

  /** One pass; returns how many rows were deleted. */
  runOnce(): Promise<number> {
    this.running ??= this.deleteExpired().finally(() => (this.running = null));
    return this.running;
  }

  private async deleteExpired(): Promise<number> {
    let total = 0;
    for (;;) {
      const [{ count }]: Array<{ count: number }> = await this.dataSource.query(
        `WITH deleted AS (
           DELETE FROM received_webhooks WHERE id IN (
             SELECT r.id FROM received_webhooks r
              WHERE r.received_at < now() - make_interval(days => $1)
                AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.event_id = r.id AND o.published_at IS NULL)
              LIMIT $2)
           RETURNING 1)
         SELECT count(*)::int AS count FROM deleted`,
        [this.config.WEBHOOK_RETENTION_DAYS, BATCH],
      );
      total += count;
      if (count < BATCH) break;
    }
    const [{ count: quarantined }]: Array<{ count: number }> = await this.dataSource.query(
      `WITH deleted AS (DELETE FROM quarantined_webhooks WHERE received_at < now() - make_interval(days => $1) RETURNING 1)
       SELECT count(*)::int AS count FROM deleted`,
      [this.config.WEBHOOK_RETENTION_DAYS],
    );
    if (total + quarantined > 0) {
      this.logger.log(`deleted ${total} received and ${quarantined} quarantined webhook(s) older than ${this.config.WEBHOOK_RETENTION_DAYS} days`);
    }
    return total + quarantined;
  }
}
