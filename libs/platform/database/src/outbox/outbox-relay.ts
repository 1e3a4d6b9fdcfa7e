import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { MessageHeaders, type OutgoingMessage } from '@platform/contracts';
import { counter, gauge, histogram } from '@platform/metrics';
import type { MessagePublisher } from '../ports';
import { reportOldestUnpublished, stopReportingOldest } from './outbox-age.gauge';
import { claimOutboxBatch, type OutboxRow } from './outbox-batch';

export interface OutboxRelayOptions {
  dataSource: DataSource;
  databaseUrl: string;
  schema: string;
  publisher: MessagePublisher;
  batchSize?: number;
  /** Poll interval while LISTEN is unavailable (500 ms). */
  idlePollMs?: number;
  /** Safety-net poll interval while LISTEN works: notifications make the usual case immediate (10 s). */
  listeningPollMs?: number;
  maxBackoffMs?: number;
  /** Published rows older than this are deleted; the outbox is not an archive. */
  retainPublishedHours?: number;
  log?: { info(msg: string): void; warn(msg: string): void; error(msg: string): void };
}

/** What the relay tells `onPublished` listeners about each event it has published and marked. */
export interface PublishedEvent {
  eventId: string;
  topic: string;
  key: string;
  type: string;
  occurredAt: Date;
  headers: Record<string, string>;
}

export type PublishedListener = (events: PublishedEvent[]) => void;

const metrics = () => ({
  published: counter('outbox_published_total', 'Events published from the outbox', ['schema', 'topic']),
  failures: counter('outbox_publish_failures_total', 'Failed outbox publish attempts', ['schema']),
  backlog: gauge('outbox_backlog', 'Unpublished outbox rows at the last poll', ['schema']),
  lag: histogram('outbox_publish_lag_seconds', 'Seconds from event written to published', ['schema'], [0.01, 0.05, 0.1, 0.5, 1, 5, 30, 120, 600]),
});

/**
 * The one outbox relay: publishes committed outbox rows in `seq` order, then marks them.
 * A transaction-scoped advisory lock lets only one replica publish a schema's outbox at a time,
 * which keeps per-key order; a Kafka outage only delays events (rows stay until published).
 * Delivery is at-least-once: consumers dedupe on the `event-id` header.
 */
export class OutboxRelay {
  private readonly batchSize: number;
  private readonly idlePollMs: number;
  private readonly listeningPollMs: number;
  private readonly maxBackoffMs: number;
  /** A notification during a batch: the batch may have read before that row committed. */
  private woken = false;
  private lastListenAttempt = 0;
  private readonly metrics = metrics();
  private running = false;
  private wake: (() => void) | null = null;
  private listener: Client | null = null;
  private loop: Promise<void> | null = null;
  private lastCleanup = 0;
  private readonly listeners = new Set<PublishedListener>();

  constructor(private readonly options: OutboxRelayOptions) {
    this.batchSize = options.batchSize ?? 200;
    this.idlePollMs = options.idlePollMs ?? 500;
    this.listeningPollMs = options.listeningPollMs ?? 10_000;
    this.maxBackoffMs = options.maxBackoffMs ?? 5_000;
  }

  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    await this.listenOrWarn();
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
    await this.listener?.end().catch(() => undefined);
    this.listener = null;
    stopReportingOldest(this);
  }

  /**
   * Calls `listener` after each batch is published and its rows are marked (committed), e.g. for a
   * service's own metrics. Returns a function that removes the listener.
   */
  onPublished(listener: PublishedListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Publishes until the outbox is empty; returns how many rows were published. For tests and tools. */
  async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const n = await this.publishBatch();
      total += n;
      if (n < this.batchSize) return total;
    }
  }

  private async listenOrWarn(): Promise<void> {
    this.lastListenAttempt = Date.now();
    await this.listen().catch((error) => this.options.log?.warn(`[outbox] LISTEN unavailable, polling every ${this.idlePollMs} ms: ${error}`));
  }

  private async listen(): Promise<void> {
    const client = new Client({ connectionString: this.options.databaseUrl, application_name: `${this.options.schema}-outbox` });
    // A lost LISTEN connection means polling at idlePollMs until run() listens again.
    const lost = () => {
      if (this.listener === client) this.listener = null;
    };
    client.on('error', lost);
    client.on('end', lost);
    try {
      await client.connect();
      client.on('notification', (msg) => {
        if (msg.payload !== this.options.schema) return;
        this.woken = true;
        this.wake?.();
      });
      await client.query('LISTEN outbox');
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    this.listener = client;
  }

  private async run(): Promise<void> {
    let backoff = 0;
    while (this.running) {
      try {
        if (!this.listener && Date.now() - this.lastListenAttempt > 5_000) await this.listenOrWarn();
        this.woken = false;
        const published = await this.publishBatch();
        backoff = 0;
        await this.cleanupIfDue();
        if (published >= this.batchSize || this.woken) continue;
        await this.sleep(this.listener ? this.listeningPollMs : this.idlePollMs);
      } catch (error) {
        this.metrics.failures.inc({ schema: this.options.schema });
        backoff = Math.min(this.maxBackoffMs, backoff ? backoff * 2 : 100);
        this.options.log?.warn(`[outbox] ${this.options.schema}: publish failed, retrying in ${backoff} ms: ${(error as Error).message}`);
        await this.sleep(backoff);
      }
    }
  }

  private async publishBatch(): Promise<number> {
    const rows = await this.publishAndMark();
    if (rows.length > 0 && this.listeners.size > 0) {
      const events = rows.map((r) => ({
        eventId: r.event_id,
        topic: r.topic,
        key: r.message_key,
        type: r.event_type,
        occurredAt: new Date(r.occurred_at),
        headers: r.headers,
      }));
      for (const listener of this.listeners) {
        // The rows are already marked: a failing listener must not look like a failed publish.
        try {
          listener(events);
        } catch (error) {
          this.options.log?.warn(`[outbox] ${this.options.schema}: onPublished listener failed: ${(error as Error).message}`);
        }
      }
    }
    return rows.length;
  }

  /**
   * One batch, oldest first, in one transaction: publish, then mark. A failed publish marks
   * nothing, so the next attempt starts again from the same first row (per-key order is kept).
   */
  private async publishAndMark(): Promise<OutboxRow[]> {
    const { schema, publisher } = this.options;
    return this.options.dataSource.transaction(async (manager) => {
      // Lock and read in one round trip; the mark's commit does not wait for its WAL flush (outbox-batch.ts).
      const { locked, rows } = await claimOutboxBatch(manager, schema, this.batchSize);
      if (!locked) {
        stopReportingOldest(this);
        return [];
      }
      this.metrics.backlog.set({ schema }, rows.length);
      // Set before the publish: while Kafka refuses, this row is what is waiting, and it ages.
      reportOldestUnpublished(this, schema, rows.length > 0 ? new Date(rows[0]!.occurred_at) : null);
      if (rows.length === 0) return [];
      await publisher.publish(rows.map(toMessage));
      await manager.query('UPDATE outbox SET published_at = now(), attempts = attempts + 1 WHERE seq = ANY($1::bigint[])', [
        rows.map((r) => r.seq),
      ]);
      // A short batch was everything there was; a full one is followed by the next poll at once.
      if (rows.length < this.batchSize) reportOldestUnpublished(this, schema, null);
      const now = Date.now();
      for (const row of rows) {
        this.metrics.published.inc({ schema, topic: row.topic });
        this.metrics.lag.observe({ schema }, (now - new Date(row.occurred_at).getTime()) / 1000);
      }
      return rows;
    });
  }

  private async cleanupIfDue(): Promise<void> {
    const hours = this.options.retainPublishedHours ?? 72;
    if (Date.now() - this.lastCleanup < 10 * 60_000) return;
    this.lastCleanup = Date.now();
    await this.options.dataSource.query(
      `DELETE FROM outbox WHERE published_at IS NOT NULL AND published_at < now() - make_interval(hours => $1)`,
      [hours],
    );
  }

  private sleep(ms: number): Promise<void> {
    // stop() during a batch must not wait out a whole poll interval after it.
    if (!this.running) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
  }
}

function toMessage(row: OutboxRow): OutgoingMessage {
  return {
    topic: row.topic,
    key: row.message_key,
    value: row.payload,
    headers: {
      ...row.headers,
      [MessageHeaders.eventId]: row.event_id,
      [MessageHeaders.type]: row.event_type,
      [MessageHeaders.occurredAt]: new Date(row.occurred_at).toISOString(),
      ...(row.correlation_id ? { [MessageHeaders.correlationId]: row.correlation_id } : {}),
    },
  };
}
