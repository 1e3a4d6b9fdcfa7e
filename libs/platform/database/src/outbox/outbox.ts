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
  const eventId = event.eventId ?? randomUUID();
  // RETURNING pg_notify wakes the relay at once instead of at its next poll, without a second
  // round trip; Postgres delivers it only on commit, and only when a row was inserted.
  await manager.query(
    `INSERT INTO outbox (event_id, topic, message_key, event_type, payload, headers, correlation_id, occurred_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (event_id) DO NOTHING
     RETURNING pg_notify('outbox', current_schema())`,
    [
      eventId,
      event.topic,
      event.key,
      event.type,
      typeof event.payload === 'string' ? event.payload : JSON.stringify(event.payload),
      JSON.stringify(event.headers ?? {}),
      currentCorrelationId() ?? null,
      (event.occurredAt ?? new Date()).toISOString(),
    ],
  );
  return eventId;
}
