import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { WEBHOOK_CATALOG, webhookMessageType, webhookTopic } from '@platform/contracts';
import { enqueueEvent } from '@platform/database';
import { filterSql, type ReplayBody } from './webhook-filters';

const SPEC_BY_EVENT = new Map(WEBHOOK_CATALOG.map((s) => [s.event, s]));

export interface ReplayResult {
  replayed: number;
  /** Matching events still waiting for their first publication: they will go out anyway. */
  alreadyPending: number;
  /** True when more events matched than `limit`: replay the rest with a later `from`. */
  truncated: boolean;
  lastReceivedAt: string | null;
}

/**
 * Re-publishes stored webhooks through the outbox, oldest first, with their original event id
 * (consumers' inboxes recognise what they have already applied) and occurred-at, plus a
 * `replayed-at` header. The published outbox row is replaced by a fresh unpublished one at the end
 * of the outbox; an event not yet published is left alone, so a replay never sends it twice ahead
 * of its turn.
 */
@Injectable()
export class ReplayWebhooksHandler {
  constructor(private readonly dataSource: DataSource) {}

  async replay(body: ReplayBody): Promise<ReplayResult> {
    const replayedAt = new Date().toISOString();
    return this.dataSource.transaction(async (manager) => {
      const params: unknown[] = [];
      const where = filterSql(body, params);
      params.push(body.limit + 1);
      const rows: Array<{ id: string; event: string; message_key: string; payload: string; received_at: Date }> = await manager.query(
        `SELECT r.id, r.event, r.message_key, r.payload::text AS payload, r.received_at
           FROM received_webhooks r WHERE ${where.join(' AND ')}
          ORDER BY r.received_at, r.id LIMIT $${params.length}`,
        params,
      );
      const batch = rows.slice(0, body.limit);
      let replayed = 0;
      for (const row of batch) {
        const spec = SPEC_BY_EVENT.get(row.event);
        if (!spec) continue; // an event removed from the catalog: nowhere to publish it
        // Whatever remains after removing a published row is an unpublished one: leave it.
        await manager.query('DELETE FROM outbox WHERE event_id = $1 AND published_at IS NOT NULL', [row.id]);
        const [{ pending }] = await manager.query('SELECT EXISTS (SELECT 1 FROM outbox WHERE event_id = $1) AS pending', [row.id]);
        if (pending) continue;
        await enqueueEvent(manager, {
          eventId: row.id,
          topic: webhookTopic(spec.family),
          key: row.message_key,
          type: webhookMessageType(spec.event),
          payload: row.payload,
          occurredAt: row.received_at,
          headers: { 'replayed-at': replayedAt },
        });
        replayed += 1;
      }
      return {
        replayed,
        alreadyPending: batch.length - replayed,
        truncated: rows.length > body.limit,
        lastReceivedAt: batch.at(-1)?.received_at.toISOString() ?? null,
      };
    });
  }
}
