import { z } from 'zod';
import { WEBHOOK_CATALOG, webhookSpecByEvent } from '@platform/contracts';

/**
 * The payload fields a user-scoped drop is matched against: the user a webhook is about, as the
 * payload itself names it (internal transfers name a source and a destination user).
 */
export const PAYLOAD_USER_FIELDS = ['externalUserId', 'sourceExternalUserId', 'destinationExternalUserId'] as const;

/**
 * Events whose payloads, as the sandbox sends them, carry none of PAYLOAD_USER_FIELDS: a drop
 * scoped to a user could never match one, so it is refused instead of silently doing nothing.
 * Keep in step with the payloads (a stale entry only refuses a drop, it never drops too much).
 */
const EVENTS_WITHOUT_PAYLOAD_USER: ReadonlySet<string> = new Set([
  'wallet-created',
  'partner-sepa-transfer',
  'user-sepa-transfer',
  'order-status',
  'payment-link',
]);

export const webhookDropEvent = z.object({
  event: z
    .string()
    .refine((event) => webhookSpecByEvent(event) !== undefined, `must be an event of the webhook catalog: ${WEBHOOK_CATALOG.map((s) => s.event).join(', ')}`),
});

/** Strict: a misspelt `externalUserId` must not widen a drop to every user. */
export const webhookDropSettings = z.strictObject({
  /** How many of the next webhooks of the event are dropped. */
  count: z.number().int().min(1).max(1000).default(1),
  /** Only webhooks whose payload names this user (see PAYLOAD_USER_FIELDS); unset = any. */
  externalUserId: z.string().min(1).optional(),
});

export type WebhookDropSettings = z.infer<typeof webhookDropSettings>;

/** Why a drop cannot apply as asked, or undefined when it can. */
export function unmatchableDrop(event: string, settings: WebhookDropSettings): string | undefined {
  if (settings.externalUserId === undefined || !EVENTS_WITHOUT_PAYLOAD_USER.has(event)) return undefined;
  return `${event} payloads name no user (${PAYLOAD_USER_FIELDS.join(', ')}), so a drop for one user would never match; omit externalUserId`;
}
