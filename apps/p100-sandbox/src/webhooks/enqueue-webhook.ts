import { randomUUID } from 'node:crypto';
import { webhookSpecByEvent } from '@platform/contracts';
import { dueIn, queryOne, type Sql } from '../database/sql';

export interface NewWebhook {
  /** An event of the webhook catalog (`user-status`, `kyc-file-status`...); it fixes the path. */
  event: string;
  /** An object (amounts as `jsonNumber` where P100 sends numbers) or JSON text kept as is. */
  payload: Record<string, unknown> | string;
  /** Wait before the first attempt (already scaled); P100 processes some events with a lag. */
  delayMs?: number;
  redeliveryOf?: string;
}

/**
 * The one way every feature emits a webhook: a row in the caller's transaction, so the event
 * exists exactly when the state change that caused it does. The delivery worker sends it.
 */
export async function enqueueWebhook(db: Sql, webhook: NewWebhook): Promise<{ id: string }> {
  const spec = webhookSpecByEvent(webhook.event);
  if (!spec) throw new Error(`Unknown webhook event "${webhook.event}"`);
  const id = randomUUID();
  await queryOne(
    db,
    `INSERT INTO webhook_deliveries (id, event, path, payload, status, next_attempt_at, redelivery_of)
     VALUES ($1, $2, $3, $4::jsonb, 'pending', ${dueIn('$5')}, $6)`,
    [id, spec.event, spec.path, typeof webhook.payload === 'string' ? webhook.payload : JSON.stringify(webhook.payload), webhook.delayMs ?? 0, webhook.redeliveryOf ?? null],
  );
  return { id };
}
