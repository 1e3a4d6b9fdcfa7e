import { randomUUID } from 'node:crypto';
import { Inject, Injectable, type BeforeApplicationShutdown } from '@nestjs/common';
import { Gauge } from 'prom-client';
import { DataSource } from 'typeorm';
import { DomainError, webhookMessageType, webhookTopic, type WebhookSpec } from '@platform/contracts';
import { metricsRegistry } from '@platform/metrics';
import { currentCorrelationId } from '@platform/logging';
import { OneTimeCodeSealer, sealJsonFields } from '@platform/secrets';
import { WEBHOOK_INGEST_CONFIG, type WebhookIngestConfig } from '../webhook-ingest.config';
import { dedupeKey, messageKey } from './dedupe-key';
import { GroupCommit, GroupCommitFullError } from './group-commit';
import { storeWebhooks, type StoreOutcome, type WebhookRow } from './received-webhooks.store';
import { webhookMetrics } from './webhook-metrics';

export type ReceiveOutcome = 'stored' | 'duplicate';

/**
 * The code fields of one-time-code events (`oneTimeCode` in the catalog), compared without case
 * or separators. Neither payload is documented: P100 proposes `code`; third-party code and other
 * providers use the other names.
 */
const ONE_TIME_CODE_FIELDS = new Set(['code', 'otp', 'activationcode', 'securecode', 'threedscode', 'otpcode']);

/** Seconds P100 is asked to wait after a 503 for a full commit queue (it retries on its own schedule anyway). */
const RETRY_AFTER_SECONDS = 1;

/**
 * Stores a webhook and its outbox event before we answer 200: from then on a Kafka outage only
 * delays it, and a redelivery (same dedupe key) is a no-op. Webhooks that arrive together are
 * stored together (group commit: one transaction, one multi-row statement, one WAL flush), and
 * each request is answered only after the commit that holds its row.
 */
@Injectable()
export class ReceiveWebhookHandler implements BeforeApplicationShutdown {
  private readonly metrics = webhookMetrics();
  private readonly sealer: OneTimeCodeSealer;
  private readonly committer: GroupCommit<WebhookRow, StoreOutcome>;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(WEBHOOK_INGEST_CONFIG) config: WebhookIngestConfig,
  ) {
    this.sealer = OneTimeCodeSealer.fromConfig(config.P100_CODE_KEYS);
    const commits = this.metrics;
    this.committer = new GroupCommit<WebhookRow, StoreOutcome>({
      commit: (rows) => storeWebhooks(dataSource, rows),
      maxBatch: config.WEBHOOK_COMMIT_MAX_BATCH,
      maxInFlight: config.WEBHOOK_COMMIT_MAX_IN_FLIGHT,
      maxWaitMs: config.WEBHOOK_COMMIT_MAX_WAIT_MS,
      maxQueue: config.WEBHOOK_COMMIT_MAX_QUEUE,
      maxQueueBytes: config.WEBHOOK_COMMIT_MAX_QUEUE_BYTES,
      onCommit: ({ size, seconds, ok, fallback }) => {
        if (!fallback) commits.commitBatchSize.observe(size);
        commits.commitDuration.observe({ outcome: ok ? 'committed' : 'failed' }, seconds);
        if (!ok && !fallback && size > 1) commits.commitFallbacks.inc();
      },
    });
    registerCommitQueueGauge(this.committer);
  }

  /** Requests waiting for a commit, commits under way, requests not yet answered (tests, metrics). */
  get commitQueue(): { waiting: number; committing: number; pending: number } {
    return { waiting: this.committer.waiting, committing: this.committer.committing, pending: this.committer.pending };
  }

  async receive(spec: WebhookSpec, payload: Record<string, unknown>, received: string): Promise<ReceiveOutcome> {
    // One-time codes are sealed before anything is stored or published (the dedupe key, from the
    // payload, holds only their hash): never at rest in clear, here or on Kafka.
    const rawBody = spec.oneTimeCode ? sealJsonFields(received, ONE_TIME_CODE_FIELDS, this.sealer) : received;
    const row: WebhookRow = {
      id: randomUUID(),
      event: spec.event,
      dedupeKey: dedupeKey(spec, payload, received),
      messageKey: messageKey(spec, payload),
      payload: rawBody,
      correlationId: currentCorrelationId() ?? null,
      receivedAt: new Date().toISOString(),
      topic: webhookTopic(spec.family),
      type: webhookMessageType(spec.event),
    };
    let outcome: StoreOutcome;
    try {
      outcome = await this.committer.submit(row, rawBody.length);
    } catch (error) {
      if (!(error instanceof GroupCommitFullError)) throw error;
      this.metrics.overloaded.inc({ reason: error.reason });
      // Nothing is stored: P100 delivers it again on its retry schedule.
      throw new DomainError('SERVICE_UNAVAILABLE', 'too many webhooks waiting to be stored; retry later', { retryAfterSeconds: RETRY_AFTER_SECONDS });
    }
    (outcome === 'stored' ? this.metrics.received : this.metrics.duplicates).inc({ event: spec.event });
    return outcome;
  }

  /** Webhooks already accepted are committed (or failed) before the database goes away. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.committer.close();
  }

  async quarantine(path: string, rawBody: string, reason: string): Promise<void> {
    await this.dataSource.query('INSERT INTO quarantined_webhooks (id, path, body, reason) VALUES ($1, $2, $3, $4)', [
      randomUUID(),
      path,
      rawBody,
      reason,
    ]);
    this.metrics.quarantined.inc();
  }
}

/** The commit queue of the (latest) handler, read when Prometheus scrapes: nothing per request. */
let queueSource: GroupCommit<WebhookRow, StoreOutcome> | null = null;

function registerCommitQueueGauge(committer: GroupCommit<WebhookRow, StoreOutcome>): void {
  queueSource = committer;
  if (metricsRegistry.getSingleMetric('webhook_ingest_commit_queue')) return;
  new Gauge({
    name: 'webhook_ingest_commit_queue',
    help: 'Received webhooks waiting for a commit (read at scrape time); at WEBHOOK_COMMIT_MAX_QUEUE new ones get 503',
    registers: [metricsRegistry],
    collect() {
      this.set(queueSource?.waiting ?? 0);
    },
  });
}
