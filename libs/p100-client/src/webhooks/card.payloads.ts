import { z } from 'zod';
import { decimalString, idString, statusString, timestamp } from './webhook-fields';

/**
 * Card webhooks (webhooks.md #15, #18, #19): only the triggers are documented, every payload is
 * the proposed one (inferred). Third-party code reads snake_case `external_user_id`/`card_id`
 * (unconfirmed); the proposed camelCase names are the ones required here.
 */

/** Card Transaction (inferred `{externalUserId, cardId, amount, currency, merchantName, status, createdAt}`). */
export const cardTransactionWebhookSchema = z.looseObject({
  externalUserId: idString.optional(),
  cardId: idString,
  transactionId: idString.optional(),
  amount: decimalString.optional(),
  currency: z.string().optional(),
  merchantName: z.string().optional(),
  status: statusString,
  createdAt: timestamp.optional(),
});
export type CardTransactionWebhook = z.infer<typeof cardTransactionWebhookSchema>;

/**
 * The one-time code: a string, since a code like "012345" is only safe as text (a code P100
 * might send as a JSON number still arrives as its digits through exact decoding).
 */
const oneTimeCode = z.string().min(1);

/** Card 3DS Code (inferred `{externalUserId, cardId, code, merchantName, amount, currency}`); show the code at once. */
export const card3dsCodeWebhookSchema = z.looseObject({
  externalUserId: idString.optional(),
  cardId: idString,
  code: oneTimeCode,
  merchantName: z.string().optional(),
  amount: decimalString.optional(),
  currency: z.string().optional(),
});
export type Card3dsCodeWebhook = z.infer<typeof card3dsCodeWebhookSchema>;

/** Card Activation Code for digital-wallet provisioning (inferred `{externalUserId, cardId, code}`). */
export const cardActivationCodeWebhookSchema = z.looseObject({
  externalUserId: idString.optional(),
  cardId: idString,
  code: oneTimeCode,
});
export type CardActivationCodeWebhook = z.infer<typeof cardActivationCodeWebhookSchema>;
