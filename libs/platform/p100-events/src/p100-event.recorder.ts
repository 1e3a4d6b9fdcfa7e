import { Inject, Injectable } from '@nestjs/common';
import { MessageHeaders } from '@platform/contracts';
import type { InboxContext } from '@platform/database';
import { P100_EVENTS_OPTIONS, type P100EventsModuleOptions } from './p100-events.options';
import type { P100Payload } from './p100-payload';

/** Writes one received P100 webhook event to `p100_events`, inside the inbox transaction. */
@Injectable()
export class P100EventRecorder {
  constructor(@Inject(P100_EVENTS_OPTIONS) private readonly options: Pick<P100EventsModuleOptions, 'redact'>) {}

  /** Whether this service redacts events before they are stored or dead-lettered. */
  get redacts(): boolean {
    return this.options.redact !== undefined;
  }

  /**
   * The event as it may be kept. A redacting service keeps objects redacted and withholds
   * anything else (a body it cannot read may still hold a secret).
   */
  redactForStorage(value: unknown, type: string): unknown {
    if (!this.options.redact) return value;
    const isObject = typeof value === 'object' && value !== null && !Array.isArray(value);
    return isObject ? this.options.redact(value as P100Payload, type) : '[withheld: not a JSON object]';
  }

  async record(payload: P100Payload, { manager, eventId, type, message }: InboxContext): Promise<void> {
    // Redacted before the INSERT: a secret that never reaches the table cannot leak from a
    // listing, a backup or a replay.
    const stored = this.redactForStorage(payload, type);
    // The inbox already turns a redelivery into a no-op; ON CONFLICT keeps recording idempotent
    // even once old inbox rows are pruned and P100 or a replay sends the event again.
    await manager.query(
      `INSERT INTO p100_events (event_id, event_type, topic, message_key, payload, occurred_at)
       VALUES ($1, $2, $3, $4, $5::jsonb, $6)
       ON CONFLICT (event_id) DO NOTHING`,
      [eventId, type, message.topic, message.key, JSON.stringify(stored), occurredAt(message.headers[MessageHeaders.occurredAt])],
    );
  }
}

/** A malformed `occurred-at` header must not make an otherwise good event fail and dead-letter. */
function occurredAt(header: string | undefined): string | null {
  if (!header) return null;
  const time = Date.parse(header);
  return Number.isFinite(time) ? new Date(time).toISOString() : null;
}
