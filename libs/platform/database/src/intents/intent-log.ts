import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { DomainError } from '@platform/contracts';

/** How a failed side effect ended, as far as we can know. */
export type FailureKind =
  /** P100 answered with a business error: final, a repeat gets the same error. */
  | 'rejected'
  /** The request provably never reached P100 (circuit open, connection refused): safe to try again. */
  | 'not_sent'
  /** Timeout or broken connection after sending: P100 may have acted; reconcile before repeating. */
  | 'unknown';

export interface FailureClassification {
  kind: FailureKind;
  code: string;
  message: string;
}

export interface IntentOptions {
  /** Operation name for audit and metrics, e.g. `createUserAccount`. */
  operation: string;
  /** Any JSON-able value; the same key with a different request is refused. */
  request: unknown;
  classify: (error: unknown) => FailureClassification;
  /**
   * May a pending/unknown intent be attempted again? Only for operations P100 itself dedupes
   * (e.g. create user: a second attempt gets P411), never for money movements.
   */
  reattemptUnknown?: boolean;
  /** What the intent is about, for the reconciler (IntentReconciler) to ask P100 about it. */
  subject?: Record<string, string>;
}

interface IntentRow {
  status: 'pending' | 'succeeded' | 'rejected' | 'not_sent' | 'unknown';
  request_hash: string;
  response: unknown;
  error_code: string | null;
  error_message: string | null;
}

/**
 * Every P100 side effect goes through here: the intent is committed with its idempotency key
 * before P100 is called, and its outcome afterwards, so a repeat (gateway retry, Kafka
 * redelivery, crash recovery) never calls P100 twice for the same intent.
 */
export class IntentLog {
  constructor(private readonly dataSource: DataSource) {}

  async execute<T>(key: string, options: IntentOptions, call: () => Promise<T>): Promise<T> {
    const requestHash = hashRequest(options.request);
    const inserted: unknown[] = await this.dataSource.query(
      `INSERT INTO p100_intents (idempotency_key, operation, request_hash, status, subject) VALUES ($1, $2, $3, 'pending', $4)
       ON CONFLICT (idempotency_key) DO NOTHING RETURNING idempotency_key`,
      [key, options.operation, requestHash, options.subject ? JSON.stringify(options.subject) : null],
    );
    if (inserted.length === 0) {
      const replay = await this.claimExisting<T>(key, requestHash, options);
      if (replay.done) return replay.value;
    }
    try {
      const value = await call();
      await this.dataSource.query(
        `UPDATE p100_intents SET status = 'succeeded', response = $2, updated_at = now() WHERE idempotency_key = $1`,
        [key, JSON.stringify(value ?? null)],
      );
      return value;
    } catch (error) {
      const failure = options.classify(error);
      await this.dataSource.query(
        `UPDATE p100_intents SET status = $2, error_code = $3, error_message = $4, updated_at = now() WHERE idempotency_key = $1`,
        [key, failure.kind, failure.code, failure.message.slice(0, 1000)],
      );
      throw error;
    }
  }

  async exists(key: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query('SELECT 1 FROM p100_intents WHERE idempotency_key = $1', [key]);
    return rows.length > 0;
  }

  /** Decides what a repeated key means: the stored outcome, or permission to try again. */
  private async claimExisting<T>(key: string, requestHash: string, options: IntentOptions): Promise<{ done: true; value: T } | { done: false }> {
    const [row]: IntentRow[] = await this.dataSource.query(
      'SELECT status, request_hash, response, error_code, error_message FROM p100_intents WHERE idempotency_key = $1',
      [key],
    );
    if (!row) throw new DomainError('INTERNAL', `intent ${key} vanished`);
    if (row.request_hash !== requestHash) {
      throw new DomainError('IDEMPOTENCY_KEY_REUSED', `idempotency key ${key} was used for a different request`);
    }
    if (row.status === 'succeeded') return { done: true, value: row.response as T };
    if (row.status === 'rejected') throw new DomainError(row.error_code ?? 'P100_REJECTED', row.error_message ?? 'rejected by P100');
    const mayRetry = row.status === 'not_sent' || options.reattemptUnknown === true;
    if (!mayRetry) {
      throw new DomainError('IDEMPOTENCY_REQUEST_IN_PROGRESS', `request ${key} is in progress or its outcome is being reconciled`);
    }
    await this.dataSource.query(
      `UPDATE p100_intents SET status = 'pending', attempts = attempts + 1, updated_at = now() WHERE idempotency_key = $1`,
      [key],
    );
    return { done: false };
  }
}

export function hashRequest(request: unknown): string {
  return createHash('sha256').update(stableStringify(request)).digest('hex');
}

function stableStringify(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : 1));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(',')}}`;
}
