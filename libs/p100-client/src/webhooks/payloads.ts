import { z } from 'zod';

/**
 * Webhook bodies as documented (webhooks.md). Parsing is lenient: unknown fields are kept, since
 * P100 adds fields without notice and the raw event is stored anyway.
 */

/** User Balance Generation, delivered to `/webhook/user/status`: balances are ACTIVE. */
export const userStatusWebhookSchema = z.looseObject({
  externalUserId: z.string().min(1),
  /** Documented value: ACTIVE. */
  status: z.string().min(1),
});
export type UserStatusWebhook = z.infer<typeof userStatusWebhookSchema>;

/** KYC File Added, delivered to `/webhook/kyc-files/status`. */
export const kycFileAddedWebhookSchema = z.looseObject({
  externalUserId: z.string().min(1),
  status: z.enum(['ADDED', 'ERROR']),
});
export type KycFileAddedWebhook = z.infer<typeof kycFileAddedWebhookSchema>;
