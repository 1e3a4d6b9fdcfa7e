import { Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { Gauge } from 'prom-client';
import { DataSource } from 'typeorm';
import { OutboxRelay } from '@platform/database';
import { metricsRegistry } from '@platform/metrics';
import { webhookMetrics } from '../webhooks/webhook-metrics';

/** The data source the backlog gauges read at scrape time (one per process). */
let source: DataSource | null = null;

/**
 * Publication side of the webhook metrics: published count and publish lag from the relay's
 * `onPublished` events (first publication only: a replay's lag would be its age), backlog and
 * oldest-unpublished age read from the outbox when Prometheus scrapes.
 */
@Injectable()
export class PublicationMetrics implements OnModuleInit, OnApplicationShutdown {
  private readonly metrics = webhookMetrics();
  private unsubscribe: (() => void) | null = null;

  constructor(
    private readonly relay: OutboxRelay,
    private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    source = this.dataSource;
    registerBacklogGauges();
    this.unsubscribe = this.relay.onPublished((events) => {
      const now = Date.now();
      for (const event of events) {
        this.metrics.published.inc({ topic: event.topic });
        if (!event.headers['replayed-at']) this.metrics.publishLag.observe((now - event.occurredAt.getTime()) / 1000);
      }
    });
  }

  onApplicationShutdown(): void {
    this.unsubscribe?.();
    if (source === this.dataSource) source = null;
  }
}

async function readBacklog(): Promise<{ count: number; oldestAgeSeconds: number }> {
  if (!source?.isInitialized) return { count: 0, oldestAgeSeconds: 0 };
  const [row] = await source.query(
    `SELECT count(*)::int AS count, COALESCE(EXTRACT(EPOCH FROM now() - min(occurred_at)), 0)::float8 AS age
       FROM outbox WHERE published_at IS NULL`,
  );
  return { count: row.count, oldestAgeSeconds: row.age };
}

function registerBacklogGauges(): void {
  if (metricsRegistry.getSingleMetric('webhook_ingest_backlog')) return;
  new Gauge({
    name: 'webhook_ingest_backlog',
    help: 'Stored webhooks not yet published to Kafka (read at scrape time)',
    registers: [metricsRegistry],
    async collect() {
      this.set((await readBacklog()).count);
    },
  });
  new Gauge({
    name: 'webhook_ingest_oldest_unpublished_age_seconds',
    help: 'Age of the oldest stored webhook not yet published (0 when none): the current publish delay',
    registers: [metricsRegistry],
    async collect() {
      this.set((await readBacklog()).oldestAgeSeconds);
    },
  });
}
