import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { webhookSpecByEvent } from '@platform/contracts';
import { dueIn, queryOne, type Sql } from '../database/sql';
import { takeWebhookDrop, type WebhookDropRow } from './webhook-drops.repository';

export interface NewWebhook {
  /** An event of the webhook catalog (`user-status`, `kyc-file-status`...); it fixes the path. */
  event: string;
  /** An object (amounts as `jsonNumber` where P100 sends numbers) or JSON text kept as is. */
  payload: Record<string, unknown> | string;
  /** Wait before the first attempt (already scaled); P100 processes some events with a lag. */
  delayMs?: number;
  redeliveryOf?: string;
}

const logger = new Logger('WebhookDrops');

/**
 * The one way every feature emits a webhook: a row in the caller's transaction, so the event
 * exists exactly when the state change that caused it does. The delivery worker sends it.
 *
 * A webhook drop in force (PUT /admin/webhooks/drops/{event}) is consumed here, in the same
 * transaction, so whether a webhook is dropped is decided once, with the state change, and a
 * rollback undoes both. The dropped delivery is recorded as `dropped` and never attempted.
 * Redeliveries are exempt: they are an explicit "send it now", e.g. a dropped webhook arriving late.
 */
export async function enqueueWebhook(db: Sql, webhook: NewWebhook): Promise<{ id: string }> {
  const spec = webhookSpecByEvent(webhook.event);
  if (!spec) throw new Error(`Unknown webhook event "${webhook.event}"`);
  const id = randomUUID();
  const payload = typeof webhook.payload === 'string' ? webhook.payload : JSON.stringify(webhook.payload);
  const drop = webhook.redeliveryOf ? undefined : await takeWebhookDrop(db, spec.event, payload);
  if (drop) {
    await queryOne(
      db,
      `INSERT INTO webhook_deliveries (id, event, path, payload, status, next_attempt_at, last_error, finished_at)
       VALUES ($1, $2, $3, $4::jsonb, 'dropped', now(), $5, now())`,
      [id, spec.event, spec.path, payload, droppedReason(drop)],
    );
    logger.log({ deliveryId: id, event: spec.event, dropRemaining: drop.remaining }, 'webhook dropped by an admin webhook drop; it is never sent');
    return { id };
  }
  await queryOne(
    db,
    `INSERT INTO webhook_deliveries (id, event, path, payload, status, next_attempt_at, redelivery_of)
     VALUES ($1, $2, $3, $4::jsonb, 'pending', ${dueIn('$5')}, $6)`,
    [id, spec.event, spec.path, payload, webhook.delayMs ?? 0, webhook.redeliveryOf ?? null],
  );
  return { id };
}

/** Shown as the delivery's lastError, so a test or a developer sees why nothing arrived. */
function droppedReason(drop: WebhookDropRow): string {
  const scope = drop.external_user_id === null ? '' : ` for user ${drop.external_user_id}`;
  return `dropped by PUT /admin/webhooks/drops/${drop.event}${scope} (${drop.remaining} of ${drop.count} left)`;
}
