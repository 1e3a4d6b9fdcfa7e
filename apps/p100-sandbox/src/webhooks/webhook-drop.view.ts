import type { WebhookDropRow } from './webhook-drops.repository';

export interface WebhookDropView {
  event: string;
  /** null = webhooks of every user. */
  externalUserId: string | null;
  count: number;
  /** Webhooks still to be dropped; 0 = spent (kept so a test can see it was consumed). */
  remaining: number;
  updatedAt: string;
}

export function toWebhookDropView(row: WebhookDropRow): WebhookDropView {
  return { event: row.event, externalUserId: row.external_user_id, count: row.count, remaining: row.remaining, updatedAt: row.updated_at.toISOString() };
}
