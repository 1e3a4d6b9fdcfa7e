import type { Queryable } from '@platform/database';

/** A webhook ready to be stored: its `received_webhooks` row and what its outbox event needs. */
export interface WebhookRow {
  /** Row id and event id at once: stable however often the row is re-published. */
  id: string;
  event: string;
  dedupeKey: string;
  messageKey: string;
  /** The body as stored and published (one-time codes sealed). */
  payload: string;
  correlationId: string | null;
  /** ISO instant; also the event's occurred-at, so a replay carries the original one. */
  receivedAt: string;
  topic: string;
  type: string;
}

export type StoreOutcome = 'stored' | 'duplicate';

/**
 * Stores many webhooks in ONE statement — one transaction, one round trip, one WAL flush: a
 * multi-row `INSERT … ON CONFLICT (dedupe_key) DO NOTHING` into `received_webhooks` and, for
 * exactly the rows that were new, their outbox rows, in arrival order (the outbox `seq` is the
 * publication order). The rows travel as nine arrays (`unnest`), so the statement's text is the
 * same for every batch size. The relay is woken once per commit (pg_notify, delivered on commit).
 */
const STORE_BATCH = `
  WITH input AS (
    SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::timestamptz[], $8::text[], $9::text[])
      WITH ORDINALITY AS i(id, event, dedupe_key, message_key, payload, correlation_id, received_at, topic, event_type, ord)
  ),
  stored AS (
    INSERT INTO received_webhooks (id, event, dedupe_key, message_key, payload, correlation_id, received_at)
    SELECT id, event, dedupe_key, message_key, payload::jsonb, correlation_id, received_at FROM input ORDER BY ord
    ON CONFLICT (dedupe_key) DO NOTHING
    RETURNING id
  ),
  queued AS (
    INSERT INTO outbox (event_id, topic, message_key, event_type, payload, correlation_id, occurred_at)
    SELECT id, topic, message_key, event_type, payload::jsonb, correlation_id, received_at
      FROM input WHERE id IN (SELECT id FROM stored) ORDER BY ord
    ON CONFLICT (event_id) DO NOTHING
    RETURNING 1
  )
  SELECT (SELECT coalesce(array_agg(id::text), '{}') FROM stored) AS stored,
         (SELECT count(pg_notify('outbox', current_schema())) FROM (SELECT 1 FROM queued LIMIT 1) q) AS notified`;

/**
 * Stores `rows` (a batch of the group commit) and tells each whether it was new. Duplicates
 * inside the batch are settled here, the first one wins as it would have in arrival order; only
 * the first of each dedupe key goes to Postgres, whose unique key settles the rest against
 * earlier batches and concurrent replicas.
 */
export async function storeWebhooks(db: Queryable, rows: readonly WebhookRow[]): Promise<StoreOutcome[]> {
  const firstOf = new Map<string, number>();
  const unique: WebhookRow[] = [];
  rows.forEach((row, i) => {
    if (!firstOf.has(row.dedupeKey)) {
      firstOf.set(row.dedupeKey, i);
      unique.push(row);
    }
  });
  const columns: unknown[][] = [[], [], [], [], [], [], [], [], []];
  for (const r of unique) {
    columns[0]!.push(r.id);
    columns[1]!.push(r.event);
    columns[2]!.push(r.dedupeKey);
    columns[3]!.push(r.messageKey);
    columns[4]!.push(r.payload);
    columns[5]!.push(r.correlationId);
    columns[6]!.push(r.receivedAt);
    columns[7]!.push(r.topic);
    columns[8]!.push(r.type);
  }
  const [result]: Array<{ stored: string[] }> = await db.query(STORE_BATCH, columns);
  const stored = new Set(result?.stored ?? []);
  return rows.map((row, i) => (firstOf.get(row.dedupeKey) === i && stored.has(row.id) ? 'stored' : 'duplicate'));
}
