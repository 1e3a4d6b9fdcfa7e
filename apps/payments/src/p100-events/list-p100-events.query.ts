import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import type { CommandHandler } from '@platform/kafka';
import type { P100Payload } from './p100-event.recorder';

export const LIST_P100_EVENTS = 'payments.list-p100-events.v1';

const DEFAULT_LIMIT = 20;

// `.default({})`: a gateway may send the query without a payload at all.
export const listP100EventsSchema = z.strictObject({ limit: z.number().int().min(1).max(100).optional() }).default({});
export type ListP100EventsInput = z.infer<typeof listP100EventsSchema>;

export interface RecordedP100Event {
  type: string;
  key: string | null;
  eventId: string;
  occurredAt: string | null;
  receivedAt: string;
  /**
   * Exchange, SEPA, crypto, transfer and order payloads carry no credentials (P100's
   * Authorization token stays in webhook-ingest), so operators may see them as received.
   */
  payload: P100Payload;
}

interface P100EventRow {
  event_id: string;
  event_type: string;
  message_key: string | null;
  payload: P100Payload;
  occurred_at: Date | null;
  received_at: Date;
}

/** The latest P100 webhook events payments received, newest first: a read for operators. */
@Injectable()
export class ListP100EventsQuery implements CommandHandler<ListP100EventsInput, { events: RecordedP100Event[] }> {
  readonly schema = listP100EventsSchema;

  constructor(private readonly dataSource: DataSource) {}

  async handle({ limit = DEFAULT_LIMIT }: ListP100EventsInput): Promise<{ events: RecordedP100Event[] }> {
    const rows: P100EventRow[] = await this.dataSource.query(
      `SELECT event_id, event_type, message_key, payload, occurred_at, received_at
         FROM p100_events ORDER BY received_at DESC, event_id DESC LIMIT $1`,
      [limit],
    );
    return {
      events: rows.map((row) => ({
        type: row.event_type,
        key: row.message_key,
        eventId: row.event_id,
        occurredAt: row.occurred_at?.toISOString() ?? null,
        receivedAt: row.received_at.toISOString(),
        payload: row.payload,
      })),
    };
  }
}
