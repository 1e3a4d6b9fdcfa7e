import { query, queryOne, type Sql } from '../database/sql';
import { PAYLOAD_USER_FIELDS, type WebhookDropSettings } from './webhook-drop-settings';

export interface WebhookDropRow {
  id: string;
  event: string;
  /** null = the drop applies to every user's webhooks of the event. */
  external_user_id: string | null;
  count: number;
  remaining: number;
  updated_at: Date;
}

const COLUMNS = `id, event, external_user_id, count, remaining, updated_at`;

/** Sets (replaces) the drop of one event and scope, with its full count again. */
export async function putWebhookDrop(db: Sql, event: string, settings: WebhookDropSettings): Promise<WebhookDropRow> {
  const row = await queryOne<WebhookDropRow>(
    db,
    `INSERT INTO webhook_drops (event, external_user_id, count, remaining) VALUES ($1, $2, $3, $3)
     ON CONFLICT (event, (COALESCE(external_user_id, '')))
       DO UPDATE SET count = EXCLUDED.count, remaining = EXCLUDED.remaining, updated_at = now()
     RETURNING ${COLUMNS}`,
    [event, settings.externalUserId ?? null, settings.count],
  );
  return row!;
}

/** Every drop, spent ones included (remaining 0), so a test can see what was consumed. */
export function listWebhookDrops(db: Sql): Promise<WebhookDropRow[]> {
  return query<WebhookDropRow>(db, `SELECT ${COLUMNS} FROM webhook_drops ORDER BY event, external_user_id NULLS FIRST`);
}

export async function clearWebhookDrops(db: Sql): Promise<void> {
  await query(db, `DELETE FROM webhook_drops`);
}

const payloadUsers = `ARRAY[${PAYLOAD_USER_FIELDS.map((field) => `$2::jsonb ->> '${field}'`).join(', ')}]`;

/**
 * The drop that swallows this webhook, consuming one of its `remaining` in the same statement
 * (`WHERE remaining > 0`, re-checked by Postgres on the locked row), so concurrent enqueues never
 * drop more than `count`. A drop for the payload's user wins over one for every user. Run it in
 * the enqueuing transaction: a rollback gives the count back, and the row lock it takes makes
 * concurrent enqueues of the same event wait for that transaction, not guess.
 */
export async function takeWebhookDrop(tx: Sql, event: string, payloadJson: string): Promise<WebhookDropRow | undefined> {
  return queryOne<WebhookDropRow>(
    tx,
    `UPDATE webhook_drops d SET remaining = d.remaining - 1, updated_at = now()
      WHERE d.remaining > 0
        AND d.id = (SELECT id FROM webhook_drops
                     WHERE event = $1 AND remaining > 0
                       AND (external_user_id IS NULL OR external_user_id = ANY(${payloadUsers}))
                     ORDER BY external_user_id IS NULL, id
                     LIMIT 1)
     RETURNING d.id, d.event, d.external_user_id, d.count, d.remaining, d.updated_at`,
    [event, payloadJson],
  );
}
