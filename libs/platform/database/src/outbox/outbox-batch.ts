import type { EntityManager } from 'typeorm';

/** An unpublished outbox row as the relay reads it. */
export interface OutboxRow {
  seq: string;
  event_id: string;
  topic: string;
  message_key: string;
  event_type: string;
  /** jsonb as text: Postgres keeps numbers exact, JSON.parse in Node would not. */
  payload: string;
  headers: Record<string, string>;
  correlation_id: string | null;
  occurred_at: Date;
}

/**
 * The relay's first statement of a batch, one round trip where it was two: take the schema's
 * transaction-scoped advisory lock (one publisher per schema at a time, which keeps per-key
 * order), and only if it was granted read the oldest unpublished rows. The lock is taken once (a
 * MATERIALIZED CTE), before any row is read.
 *
 * It also lets this transaction commit without waiting for its WAL flush (synchronous_commit
 * off, for this transaction only). The transaction writes nothing but the rows' published marks;
 * a mark lost in a crash right after the commit means those rows are published again, which
 * delivery already allows (at least once; consumers dedupe on `event-id`), and the order is kept
 * (they go again from the same first row). What the flush would have cost is one WAL fsync per
 * batch, on the path of the next batch's events.
 */
const CLAIM_BATCH = `
  WITH claim AS MATERIALIZED (
    SELECT pg_try_advisory_xact_lock(hashtext($1)) AS locked,
           set_config('synchronous_commit', 'off', true) AS commit_mode
  )
  SELECT claim.locked, o.*
    FROM claim
    LEFT JOIN LATERAL (
      SELECT seq, event_id, topic, message_key, event_type, payload::text AS payload, headers, correlation_id, occurred_at
        FROM outbox
       WHERE claim.locked AND published_at IS NULL
       ORDER BY seq
       LIMIT $2
    ) o ON true`;

/** What the relay may publish now: `locked` false when another relay holds the schema (then no rows). */
export interface ClaimedBatch {
  locked: boolean;
  rows: OutboxRow[];
}

/** The oldest unpublished rows, in the caller's transaction, which then holds the schema's publish lock. */
export async function claimOutboxBatch(manager: EntityManager, schema: string, batchSize: number): Promise<ClaimedBatch> {
  // Always one row at least (the LEFT JOIN): the lock's answer, with or without an outbox row.
  const result: Array<OutboxRow & { locked: boolean }> = await manager.query(CLAIM_BATCH, [`outbox:${schema}`, batchSize]);
  const locked = result[0]?.locked === true;
  const rows = locked ? result.filter((r) => r.seq !== null).map(({ locked: _locked, ...row }) => row) : [];
  return { locked, rows };
}
