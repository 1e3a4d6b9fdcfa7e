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

/** Anything that runs SQL: a DataSource or a transaction's EntityManager. */
export interface Queryable {
  query(sql: string, params?: unknown[]): Promise<any>;
}

const OUTBOX_COLUMNS = '(event_id, topic, message_key, event_type, payload, headers, correlation_id, occurred_at)';
const OUTBOX_NOTIFY = "pg_notify('outbox', current_schema())";

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
