import { msUntilEarliest, query, queryOne, type Sql } from '../database/sql';

/** `dropped`: swallowed by an admin webhook drop at enqueue time, never attempted. */
export const DELIVERY_STATUSES = ['pending', 'delivered', 'failed', 'skipped', 'dropped'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export interface ClaimedDelivery {
  id: string;
  event: string;
  path: string;
  /**
   * The payload as JSON text straight from jsonb (which keeps numbers as exact numerics): sent
   * as is, so amounts never pass through a JS float on their way out.
   */
  body: string;
  attempt: number;
}

export interface DeliveryRow {
  id: string;
  event: string;
  path: string;
  payload: Record<string, unknown>;
  status: DeliveryStatus;
  attempts: number;
  next_attempt_at: Date;
  last_status_code: number | null;
  last_error: string | null;
  redelivery_of: string | null;
  created_at: Date;
  finished_at: Date | null;
}

export interface AttemptRow {
  delivery_id: string;
  attempt: number;
  started_at: Date;
  finished_at: Date | null;
  status_code: number | null;
  error: string | null;
  duration_ms: number | null;
}

const seconds = (ms: number) => ms / 1000;

/**
 * Claims due deliveries for one attempt each. The claim counts the attempt and pushes
 * next_attempt_at out by a lease, so a delivery whose sender dies mid-flight becomes due again
 * instead of being lost, while other replicas (SKIP LOCKED) never take the same row.
 * Must run inside a transaction.
 */
export async function claimDueDeliveries(tx: Sql, limit: number, leaseMs: number): Promise<ClaimedDelivery[]> {
  const claimed = await query<ClaimedDelivery>(
    tx,
    `WITH due AS (
       SELECT id FROM webhook_deliveries
        WHERE status = 'pending' AND next_attempt_at <= now()
        ORDER BY next_attempt_at, created_at
        LIMIT $1
        FOR UPDATE SKIP LOCKED)
     UPDATE webhook_deliveries d
        SET attempts = d.attempts + 1,
            next_attempt_at = now() + make_interval(secs => $2::double precision),
            updated_at = now()
       FROM due
      WHERE d.id = due.id
     RETURNING d.id, d.event, d.path, d.payload::text AS body, d.attempts AS attempt`,
    [limit, seconds(leaseMs)],
  );
  for (const delivery of claimed) {
    await query(tx, `INSERT INTO webhook_delivery_attempts (delivery_id, attempt) VALUES ($1, $2)`, [delivery.id, delivery.attempt]);
  }
  return claimed;
}

/** With no partner URL configured, due deliveries are closed as skipped instead of sent. */
export async function skipDueDeliveries(db: Sql, reason: string): Promise<Array<{ event: string }>> {
  return query<{ event: string }>(
    db,
    `UPDATE webhook_deliveries
        SET status = 'skipped', last_error = $1, finished_at = now(), updated_at = now()
      WHERE status = 'pending' AND next_attempt_at <= now()
      RETURNING event`,
    [reason],
  );
}

export interface AttemptOutcome {
  statusCode?: number;
  error?: string;
  durationMs: number;
  /** Final status, or `pending` with the (scaled) delay before the next attempt. */
  next: { status: 'delivered' | 'failed' } | { status: 'pending'; retryInMs: number };
}

/** Records one attempt and moves the delivery on. Must run inside a transaction. */
export async function recordAttempt(tx: Sql, delivery: ClaimedDelivery, outcome: AttemptOutcome): Promise<void> {
  await query(
    tx,
    `UPDATE webhook_delivery_attempts
        SET finished_at = now(), status_code = $3, error = $4, duration_ms = $5
      WHERE delivery_id = $1 AND attempt = $2`,
    [delivery.id, delivery.attempt, outcome.statusCode ?? null, outcome.error ?? null, outcome.durationMs],
  );
  const retryInMs = outcome.next.status === 'pending' ? outcome.next.retryInMs : 0;
  // Guarded by attempts = $2: a redelivery or reset meanwhile must not be overwritten.
  await query(
    tx,
    `UPDATE webhook_deliveries
        SET status = $3,
            last_status_code = $4,
            last_error = $5,
            next_attempt_at = CASE WHEN $3 = 'pending' THEN now() + make_interval(secs => $6::double precision) ELSE next_attempt_at END,
            finished_at = CASE WHEN $3 = 'pending' THEN NULL ELSE now() END,
            updated_at = now()
      WHERE id = $1 AND attempts = $2 AND status = 'pending'`,
    [delivery.id, delivery.attempt, outcome.next.status, outcome.statusCode ?? null, outcome.error ?? null, seconds(retryInMs)],
  );
}

/** How long until the next pending delivery is due (0 when one is due now), or null. */
export function msUntilNextDelivery(db: Sql): Promise<number | null> {
  return msUntilEarliest(db, 'webhook_deliveries', 'next_attempt_at', `status = 'pending'`);
}

export interface DeliveryFilter {
  externalUserId?: string;
  event?: string;
  status?: DeliveryStatus;
  limit: number;
}

export async function listDeliveries(db: Sql, filter: DeliveryFilter): Promise<DeliveryRow[]> {
  return query<DeliveryRow>(
    db,
    `SELECT id, event, path, payload, status, attempts, next_attempt_at, last_status_code, last_error,
            redelivery_of, created_at, finished_at
       FROM webhook_deliveries
      WHERE ($1::text IS NULL OR payload ->> 'externalUserId' = $1)
        AND ($2::text IS NULL OR event = $2)
        AND ($3::text IS NULL OR status = $3)
      ORDER BY created_at, id
      LIMIT $4`,
    [filter.externalUserId ?? null, filter.event ?? null, filter.status ?? null, filter.limit],
  );
}

export async function findDelivery(db: Sql, id: string): Promise<DeliveryRow | undefined> {
  return queryOne<DeliveryRow>(
    db,
    `SELECT id, event, path, payload, status, attempts, next_attempt_at, last_status_code, last_error,
            redelivery_of, created_at, finished_at
       FROM webhook_deliveries WHERE id = $1`,
    [id],
  );
}

export async function attemptsOf(db: Sql, deliveryIds: readonly string[]): Promise<AttemptRow[]> {
  if (deliveryIds.length === 0) return [];
  return query<AttemptRow>(
    db,
    `SELECT delivery_id, attempt, started_at, finished_at, status_code, error, duration_ms
       FROM webhook_delivery_attempts WHERE delivery_id = ANY($1::uuid[])
      ORDER BY delivery_id, attempt`,
    [deliveryIds],
  );
}

/** A delivery's payload as exact JSON text (for a redelivery of the same bytes' meaning). */
export async function payloadTextOf(db: Sql, id: string): Promise<string | undefined> {
  return (await queryOne<{ body: string }>(db, `SELECT payload::text AS body FROM webhook_deliveries WHERE id = $1`, [id]))?.body;
}
