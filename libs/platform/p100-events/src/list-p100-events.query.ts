import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import type { CommandHandler } from '@platform/kafka';
import { P100_EVENTS_OPTIONS, type P100EventsModuleOptions } from './p100-events.options';
import type { P100Payload } from './p100-payload';

/** The operator query's command type on `<service>.commands`, e.g. `payments.list-p100-events.v1`. */
export const listP100EventsType = (service: string): string => `${service}.list-p100-events.v1`;

const DEFAULT_LIMIT = 20;

// `.default({})`: a gateway may send the query without a payload at all.
export const listP100EventsSchema = z.strictObject({ limit: z.number().int().min(1).max(100).optional() }).default({});
export type ListP100EventsInput = z.infer<typeof listP100EventsSchema>;

export interface RecordedP100Event {
  type: string;
  key: string | null;
  eventId: string;
  receivedAt: string;
  /** Only with `includePayloads`. */
  occurredAt?: string | null;
  /** Only with `includePayloads`, and as stored: after the service's `redact`. */
  payload?: P100Payload;
}

interface P100EventRow {
  event_id: string;
  event_type: string;
  message_key: string | null;
  received_at: Date;
  occurred_at?: Date | null;
  payload?: P100Payload;
}

const SUMMARY_COLUMNS = 'event_id, event_type, message_key, received_at';
const DETAIL_COLUMNS = `${SUMMARY_COLUMNS}, occurred_at, payload`;

/** The latest P100 webhook events the service received, newest first: a read for operators. */
@Injectable()
export class ListP100EventsQuery implements CommandHandler<ListP100EventsInput, { events: RecordedP100Event[] }> {
  readonly schema = listP100EventsSchema;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(P100_EVENTS_OPTIONS) private readonly options: Pick<P100EventsModuleOptions, 'includePayloads'>,
  ) {}

  async handle({ limit = DEFAULT_LIMIT }: ListP100EventsInput): Promise<{ events: RecordedP100Event[] }> {
    // Without includePayloads the payload column is not even selected, so no later mapping
    // change can leak what a payload holds.
    const rows: P100EventRow[] = await this.dataSource.query(
      `SELECT ${this.options.includePayloads ? DETAIL_COLUMNS : SUMMARY_COLUMNS}
         FROM p100_events ORDER BY received_at DESC, event_id DESC LIMIT $1`,
      [limit],
    );
    return { events: rows.map((row) => (this.options.includePayloads ? withDetails(row) : summary(row))) };
  }
}

function summary(row: P100EventRow): RecordedP100Event {
  return { type: row.event_type, key: row.message_key, eventId: row.event_id, receivedAt: row.received_at.toISOString() };
}

function withDetails(row: P100EventRow): RecordedP100Event {
  return { ...summary(row), occurredAt: row.occurred_at?.toISOString() ?? null, payload: row.payload ?? {} };
}
