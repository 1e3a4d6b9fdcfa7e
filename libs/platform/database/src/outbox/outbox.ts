import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { currentCorrelationId } from '@platform/logging';

export interface NewEvent {
  topic: string;
  key: string;
  type: string;
  /** An object, or JSON text kept as received (exact decimals; e.g. a raw webhook body). */
  payload: Record<string, unknown> | string;
  /** Defaults to a new UUID; pass one to make the event id derive from its cause. */
  eventId?: string;
  occurredAt?: Date;
  headers?: Record<string, string>;
}

/**
 * Writes an event in the caller's transaction. It leaves the service only after the transaction
 * commits (the relay reads committed rows), so state and event never disagree.
 */
export async function enqueueEvent(manager: EntityManager, event: NewEvent): Promise<string> {
  const row = outboxRow(event);
  // RETURNING pg_notify wakes the relay at once instead of at its next poll, without a second
  // round trip; Postgres delivers it only on commit, and only when a row was inserted.
  await manager.query(
    `INSERT INTO outbox ${OUTBOX_COLUMNS} VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (event_id) DO NOTHING
     RETURNING ${OUTBOX_NOTIFY}`,
    row.params,
  );
  return row.eventId;
}

/** A row of the caller's own table, inserted at most once (ON CONFLICT on `conflictTarget`). */
export interface InsertOnce {
  table: string;
  /** Column → value; every value is a bind parameter. */
  values: Record<string, unknown>;
  /** The unique column (or constraint expression) that makes a second insert a no-op. */
  conflictTarget: string;
}

/**
 * Stores a row and, only when the row is new, its event — in ONE statement: atomic without an
 * explicit transaction and one round trip instead of four (BEGIN, two INSERTs, COMMIT). For
 * receivers that must commit before they answer (webhook-ingest). Returns whether the row was new.
 */
export async function insertOnceWithEvent(db: Queryable, row: InsertOnce, event: NewEvent): Promise<boolean> {
  const columns = Object.keys(row.values);
  const rowParams = Object.values(row.values);
  const outbox = outboxRow(event);
  const placeholders = (from: number, count: number) => Array.from({ length: count }, (_, i) => `$${from + i}`).join(', ');
  const result: Array<{ stored: string }> = await db.query(
    `WITH stored AS (
       INSERT INTO ${row.table} (${columns.join(', ')}) VALUES (${placeholders(1, columns.length)})
       ON CONFLICT (${row.conflictTarget}) DO NOTHING RETURNING 1),
     queued AS (
       INSERT INTO outbox ${OUTBOX_COLUMNS}
       SELECT ${OUTBOX_TYPES.map((type, i) => `$${columns.length + 1 + i}::${type}`).join(', ')} FROM stored
       ON CONFLICT (event_id) DO NOTHING
       RETURNING ${OUTBOX_NOTIFY})
     SELECT (SELECT count(*) FROM stored) AS stored, (SELECT count(*) FROM queued) AS queued`,
    [...rowParams, ...outbox.params],
  );
  return Number(result[0]?.stored ?? 0) > 0;
}

/** Anything that runs SQL: a DataSource or a transaction's EntityManager. */
export interface Queryable {
  query(sql: string, params?: unknown[]): Promise<any>;
}

const OUTBOX_COLUMNS = '(event_id, topic, message_key, event_type, payload, headers, correlation_id, occurred_at)';
const OUTBOX_NOTIFY = "pg_notify('outbox', current_schema())";
// Parameters in an INSERT … SELECT list get no type from the target columns: cast them.
const OUTBOX_TYPES = ['uuid', 'text', 'text', 'text', 'jsonb', 'jsonb', 'text', 'timestamptz'];

function outboxRow(event: NewEvent): { eventId: string; params: unknown[] } {
  const eventId = event.eventId ?? randomUUID();
  return {
    eventId,
    params: [
      eventId,
      event.topic,
      event.key,
      event.type,
      typeof event.payload === 'string' ? event.payload : JSON.stringify(event.payload),
      JSON.stringify(event.headers ?? {}),
      currentCorrelationId() ?? null,
      (event.occurredAt ?? new Date()).toISOString(),
    ],
  };
}
