import { z } from 'zod';
import { decimalString, idString, statusString, timestamp, webhookError } from './webhook-fields';

/** Internal transfer and SEPA webhooks (webhooks.md #7–#11); lenient, unknown fields kept. */

/** Internal Transfer (`/transfer-webhook`, documented): required fields as the contract's table. */
export const internalTransferWebhookSchema = z.looseObject({
  id: idString,
  sourceExternalUserId: z.string().nullable().optional(),
  destinationExternalUserId: z.string().nullable().optional(),
  /** A JSON number on the wire (e.g. `10`). */
  amount: decimalString,
  currency: z.string().min(1),
  /** e.g. SUCCESSFUL; FAILED with `error` (inferred from the async model): not an enum in the contract. */
  status: statusString,
  createdAt: timestamp,
  error: webhookError,
});
export type InternalTransferWebhook = z.infer<typeof internalTransferWebhookSchema>;

/**
 * IBAN Status: statuses documented, field names inferred (`{externalUserId, iban, amount,
 * currency, status, createdAt}`). `iban` is the sender's; the partner's own deposits carry no
 * `externalUserId` (inferred), so the sender IBAN + status identify the occurrence.
 */
export const ibanStatusWebhookSchema = z.looseObject({
  externalUserId: idString.optional(),
  iban: z.string().min(1),
  amount: decimalString.optional(),
  currency: z.string().optional(),
  status: z.enum(['PENDING', 'APPROVED', 'REJECTED']),
  createdAt: timestamp.optional(),
});
export type IbanStatusWebhook = z.infer<typeof ibanStatusWebhookSchema>;

/** Fields of the SEPA transfer record (Get SEPA Transfer Details), all optional on their own. */
const sepaTransferRecord = {
  id: idString,
  type: z.string().optional(),
  transferTitle: z.string().optional(),
  destinationIban: z.string().optional(),
  receiverFirstName: z.string().nullable().optional(),
  receiverLastName: z.string().nullable().optional(),
  currency: z.string().optional(),
  amount: decimalString.optional(),
  /** A JSON number on the wire (`"fee":0`). */
  fee: decimalString.optional(),
  createdAt: timestamp.optional(),
  error: webhookError,
};

/**
 * SEPA Transfer (partner and user variants share the body): SUCCESSFUL carries the full transfer
 * record (documented example), so amount and currency are required there; FAILED is a minimal
 * error-centred body whose exact shape was not retrieved (inferred `{id, status, error}`).
 */
export const sepaTransferWebhookSchema = z.discriminatedUnion('status', [
  z.looseObject({ ...sepaTransferRecord, status: z.literal('SUCCESSFUL'), amount: decimalString, currency: z.string().min(1) }),
  z.looseObject({ ...sepaTransferRecord, status: z.literal('FAILED') }),
]);
export type SepaTransferWebhook = z.infer<typeof sepaTransferWebhookSchema>;

/** Partner SEPA Transfer: a transfer from the partner's own balance. */
export const partnerSepaTransferWebhookSchema = sepaTransferWebhookSchema;
export type PartnerSepaTransferWebhook = SepaTransferWebhook;

/** User SEPA Transfer: a transfer from a user's balance. */
export const userSepaTransferWebhookSchema = sepaTransferWebhookSchema;
export type UserSepaTransferWebhook = SepaTransferWebhook;

/**
 * SEPA Deposit (incoming transfer credited): payload not retrieved; proposed shape (inferred)
 * `{id, externalUserId, amount, currency, senderName, senderIban, title, status, createdAt}`.
 */
export const sepaDepositWebhookSchema = z.looseObject({
  id: idString,
  externalUserId: idString.optional(),
  amount: decimalString.optional(),
  currency: z.string().optional(),
  senderName: z.string().optional(),
  senderIban: z.string().optional(),
  title: z.string().optional(),
  status: statusString,
  createdAt: timestamp.optional(),
});
export type SepaDepositWebhook = z.infer<typeof sepaDepositWebhookSchema>;
