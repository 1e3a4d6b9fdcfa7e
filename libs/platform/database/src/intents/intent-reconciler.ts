import type { DataSource, EntityManager } from 'typeorm';
import { gauge, counter } from '@platform/metrics';

/** An intent whose outcome we do not know: `unknown`, or `pending` for longer than a call can take. */
export interface OpenIntent {
  idempotencyKey: string;
  operation: string;
  status: 'pending' | 'unknown';
  subject: Record<string, string> | null;
  attempts: number;
  updatedAt: Date;
  /** updated_at in microseconds (a JS Date would lose them): the optimistic-concurrency token. */
  version: string;
}

/**
 * What P100 says happened. `done`: it acted (with what it answered, if known). `absent`: it has
 * no trace, so the side effect did not happen and may be requested again. `unknown`: P100 could
 * not tell us yet (still down): try again on a later pass. `apply` brings the service's own rows
 * to the same state, in the transaction that settles the intent, and enqueues what that implies.
 */
export type Resolution =
  | { outcome: 'done'; response: unknown; apply?: (manager: EntityManager) => Promise<void> }
  | { outcome: 'absent'; apply?: (manager: EntityManager) => Promise<void> }
  | { outcome: 'unknown' };

export interface IntentResolver {
  operation: string;
  resolve(intent: OpenIntent): Promise<Resolution>;
}

export interface IntentReconcilerOptions {
  dataSource: DataSource;
  resolvers: readonly IntentResolver[];
  /** An `unknown` intent is looked at once it is this old (10 s): the caller may still be retrying it. */
  unknownAfterMs?: number;
  /** A `pending` intent is looked at once it is this old (60 s): longer than any call may take, so its call has ended (a crash). */
  pendingAfterMs?: number;
  /** Pause between passes (15 s). */
  intervalMs?: number;
  batchSize?: number;
  log?: { warn(msg: string): void };
}

const VERSION = '(EXTRACT(EPOCH FROM updated_at) * 1000000)::bigint';

const AGE_BUCKETS = [
  { label: 'lt_1m', maxSeconds: 60 },
  { label: '1m_to_10m', maxSeconds: 600 },
  { label: '10m_to_1h', maxSeconds: 3600 },
  { label: 'gt_1h', maxSeconds: Infinity },
] as const;

const metrics = () => ({
  unresolved: gauge('p100_intents_unresolved', 'P100 side effects whose outcome is not known yet (pending or unknown), by operation and age', ['operation', 'age']),
  resolved: counter('p100_intents_reconciled_total', 'Unknown intents settled by asking P100, by operation and outcome (done, absent)', ['operation', 'outcome']),
});

/**
 * The one reconciler of ambiguous P100 outcomes, for every service that records intents: every
 * pass takes the open intents old enough to have no call under way, asks the operation's
 * resolver what P100 did, and settles the intent and the service's rows together. An intent
 * somebody else touched meanwhile (a retry by its caller) is left to them: the update is
 * conditional on the row being as it was read.
 */
export class IntentReconciler {
  private readonly resolvers: Map<string, IntentResolver>;
  private readonly metrics = metrics();
  private timer: NodeJS.Timeout | null = null;
  private pass: Promise<unknown> | null = null;
  private stopped = true;

  constructor(private readonly options: IntentReconcilerOptions) {
    this.resolvers = new Map(options.resolvers.map((r) => [r.operation, r]));
  }

  start(): void {
    this.stopped = false;
    this.schedule();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.pass?.catch(() => undefined);
  }

  /** One pass; returns how many intents were settled. Tests and operators call it directly. */
  async reconcileOnce(): Promise<number> {
    const open = await this.openIntents();
    let settled = 0;
    for (const intent of open) {
      const resolver = this.resolvers.get(intent.operation);
      if (!resolver) continue;
      let resolution: Resolution;
      try {
        resolution = await resolver.resolve(intent);
      } catch (error) {
        this.options.log?.warn(`intent ${intent.idempotencyKey}: could not ask P100 (${(error as Error).message}); next pass`);
        continue;
      }
      if (resolution.outcome === 'unknown') continue;
      if (await this.settle(intent, resolution)) settled += 1;
    }
    await this.measure();
    return settled;
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.pass = this.reconcileOnce()
        .catch((error: unknown) => this.options.log?.warn(`intent reconciliation failed: ${(error as Error).message}`))
        .finally(() => this.schedule());
    }, this.options.intervalMs ?? 15_000);
    this.timer.unref();
  }

  private async openIntents(): Promise<OpenIntent[]> {
    const rows: Array<{ idempotency_key: string; operation: string; status: 'pending' | 'unknown'; subject: Record<string, string> | null; attempts: number; updated_at: Date; version: string }> =
      await this.options.dataSource.query(
        `SELECT idempotency_key, operation, status, subject, attempts, updated_at, ${VERSION} AS version FROM p100_intents
          WHERE (status = 'unknown' AND updated_at < now() - make_interval(secs => $1::double precision / 1000))
             OR (status = 'pending' AND updated_at < now() - make_interval(secs => $2::double precision / 1000))
          ORDER BY updated_at LIMIT $3`,
        [this.options.unknownAfterMs ?? 10_000, this.options.pendingAfterMs ?? 60_000, this.options.batchSize ?? 100],
      );
    return rows.map((r) => ({ idempotencyKey: r.idempotency_key, operation: r.operation, status: r.status, subject: r.subject, attempts: r.attempts, updatedAt: r.updated_at, version: String(r.version) }));
  }

  private async settle(intent: OpenIntent, resolution: Exclude<Resolution, { outcome: 'unknown' }>): Promise<boolean> {
    return this.options.dataSource.transaction(async (manager) => {
      const done = resolution.outcome === 'done';
      const updated: unknown[] = await manager.query(
        `UPDATE p100_intents SET status = $3, response = $4, error_code = $5, error_message = $6, updated_at = now()
          WHERE idempotency_key = $1 AND status = $2 AND ${VERSION} = $7::bigint RETURNING idempotency_key`,
        [
          intent.idempotencyKey,
          intent.status,
          done ? 'succeeded' : 'not_sent',
          done ? JSON.stringify(resolution.response ?? null) : null,
          done ? null : 'RECONCILED_ABSENT',
          done ? null : 'P100 has no trace of this request (found by the reconciler); it may be sent again',
          intent.version,
        ],
      );
      // TypeORM's pg driver answers an UPDATE ... RETURNING with [rows, count].
      const rows = Array.isArray(updated[0]) ? (updated[0] as unknown[]) : updated;
      if (rows.length === 0) return false;
      await resolution.apply?.(manager);
      this.metrics.resolved.inc({ operation: intent.operation, outcome: resolution.outcome });
      return true;
    });
  }

  private async measure(): Promise<void> {
    const rows: Array<{ operation: string; age_seconds: number }> = await this.options.dataSource.query(
      `SELECT operation, EXTRACT(EPOCH FROM now() - updated_at)::float8 AS age_seconds FROM p100_intents WHERE status IN ('pending', 'unknown')`,
    );
    this.metrics.unresolved.reset();
    const counts = new Map<string, number>();
    for (const row of rows) {
      const age = AGE_BUCKETS.find((b) => row.age_seconds < b.maxSeconds)!.label;
      const key = `${row.operation}\u0000${age}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    for (const operation of this.resolvers.keys()) for (const { label } of AGE_BUCKETS) this.metrics.unresolved.set({ operation, age: label }, 0);
    for (const [key, n] of counts) {
      const [operation, age] = key.split('\u0000') as [string, string];
      this.metrics.unresolved.set({ operation, age }, n);
    }
  }
}
