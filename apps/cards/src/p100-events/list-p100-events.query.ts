import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import type { CommandHandler } from '@platform/kafka';

export const LIST_P100_EVENTS = 'cards.list-p100-events.v1';

const DEFAULT_LIMIT = 20;

// `.default({})`: a gateway may send the query without a payload at all.
export const listP100EventsSchema = z.strictObject({ limit: z.number().int().min(1).max(100).optional() }).default({});
export type ListP100EventsInput = z.infer<typeof listP100EventsSchema>;

/**
 * What an operator may see of a card event. No payload: 3DS and activation payloads carry
 * one-time codes that must reach only the card holder, never a listing.
 */
export interface RecordedP100Event {
  type: string;
  key: string | null;
  eventId: string;
  receivedAt: string;
}

interface P100EventRow {
  event_id: string;
  event_type: string;
  message_key: string | null;
  received_at: Date;
}

/** The latest P100 webhook events cards received, newest first, without their payloads. */
@Injectable()
export class ListP100EventsQuery implements CommandHandler<ListP100EventsInput, { events: RecordedP100Event[] }> {
  readonly schema = listP100EventsSchema;

  constructor(private readonly dataSource: DataSource) {}

  async handle({ limit = DEFAULT_LIMIT }: ListP100EventsInput): Promise<{ events: RecordedP100Event[] }> {
    // The payload column is not even selected, so no later mapping change can leak a code.
    const rows: P100EventRow[] = await this.dataSource.query(
      `SELECT event_id, event_type, message_key, received_at
         FROM p100_events ORDER BY received_at DESC, event_id DESC LIMIT $1`,
      [limit],
    );
    return {
      events: rows.map((row) => ({
        type: row.event_type,
        key: row.message_key,
        eventId: row.event_id,
        receivedAt: row.received_at.toISOString(),
      })),
    };
  }
}
