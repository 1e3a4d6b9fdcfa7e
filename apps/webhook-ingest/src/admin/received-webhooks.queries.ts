import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { filterSql, type ListQuery } from './webhook-filters';

export interface StoredWebhookSummary {
  id: string;
  event: string;
  dedupeKey: string;
  messageKey: string;
  correlationId: string | null;
  receivedAt: string;
  /** `pending` until the relay has published it; `published` after (the outbox row may have expired). */
  publication: 'pending' | 'published';
  publishedAt: string | null;
}

export interface StoredWebhook extends StoredWebhookSummary {
  /** The stored body (jsonb text: numbers keep their exact decimal digits; key order is Postgres's). */
  body: string;
}

// The outbox row (same id) tells whether the event has been published. Published outbox rows are
// deleted after the relay's retention, so a missing row means "published" (it was written in the
// same transaction as the received row).
const SELECT = `
  SELECT r.id, r.event, r.dedupe_key, r.message_key, r.correlation_id, r.received_at,
         o.published_at, (o.event_id IS NOT NULL AND o.published_at IS NULL) AS pending
    FROM received_webhooks r LEFT JOIN outbox o ON o.event_id = r.id`;

interface Row {
  id: string;
  event: string;
  dedupe_key: string;
  message_key: string;
  correlation_id: string | null;
  received_at: Date;
  published_at: Date | null;
  pending: boolean;
  body?: string;
}

/** Read side of the operator API: list and inspect stored webhooks and quarantined ones. */
@Injectable()
export class ReceivedWebhooksQueries {
  constructor(private readonly dataSource: DataSource) {}

  async list(query: ListQuery): Promise<StoredWebhookSummary[]> {
    const params: unknown[] = [];
    const where = filterSql(query, params);
    params.push(query.limit, query.offset);
    const rows: Row[] = await this.dataSource.query(
      `${SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY r.received_at DESC, r.id LIMIT $${params.length - 1} OFFSET $${params.length}`,
      params,
    );
    return rows.map(toSummary);
  }

  async get(id: string): Promise<StoredWebhook | null> {
    const rows: Row[] = await this.dataSource.query(
      `SELECT s.*, r.payload::text AS body FROM (${SELECT} WHERE r.id = $1) s JOIN received_webhooks r ON r.id = s.id`,
      [id],
    );
    const row = rows[0];
    return row ? { ...toSummary(row), body: row.body! } : null;
  }

  async listQuarantined(limit: number, offset: number) {
    const rows: Array<{ id: string; path: string; body: string; reason: string; received_at: Date }> = await this.dataSource.query(
      'SELECT id, path, body, reason, received_at FROM quarantined_webhooks ORDER BY received_at DESC, id LIMIT $1 OFFSET $2',
      [limit, offset],
    );
    return rows.map((r) => ({ id: r.id, path: r.path, reason: r.reason, body: r.body, receivedAt: r.received_at.toISOString() }));
  }
}

function toSummary(row: Row): StoredWebhookSummary {
  return {
    id: row.id,
    event: row.event,
    dedupeKey: row.dedupe_key,
    messageKey: row.message_key,
    correlationId: row.correlation_id,
    receivedAt: row.received_at.toISOString(),
    publication: row.pending ? 'pending' : 'published',
    publishedAt: row.published_at ? row.published_at.toISOString() : null,
  };
}
