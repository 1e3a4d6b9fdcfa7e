import type { z } from 'zod';
import { card3dsCodeWebhookSchema, cardActivationCodeWebhookSchema, cardTransactionWebhookSchema } from './card.payloads';
import { cryptoDepositWebhookSchema, cryptoWithdrawalWebhookSchema, walletCreatedWebhookSchema } from './crypto.payloads';
import { exchangeWebhookSchema, orderStatusWebhookSchema, paymentLinkWebhookSchema } from './exchange-order.payloads';
import {
  ibanStatusWebhookSchema,
  internalTransferWebhookSchema,
  partnerSepaTransferWebhookSchema,
  sepaDepositWebhookSchema,
  userSepaTransferWebhookSchema,
} from './transfer.payloads';
import {
  highRiskKycVerificationWebhookSchema,
  kycFileAddedWebhookSchema,
  kycVerificationStatusWebhookSchema,
  poaVerificationStatusWebhookSchema,
  userStatusWebhookSchema,
} from './user-kyc.payloads';

/**
 * The payload schema of every webhook, by our catalog's event name (`WEBHOOK_CATALOG` in
 * @platform/contracts, e.g. 'card-3ds-code'). Parse the body decoded with `parseJsonExact`.
 */
export const P100_WEBHOOK_SCHEMAS = {
  'user-status': userStatusWebhookSchema,
  'kyc-file-status': kycFileAddedWebhookSchema,
  'poa-verification-status': poaVerificationStatusWebhookSchema,
  'kyc-verification-status': kycVerificationStatusWebhookSchema,
  'high-risk-kyc-verification': highRiskKycVerificationWebhookSchema,
  'wallet-created': walletCreatedWebhookSchema,
  'internal-transfer': internalTransferWebhookSchema,
  'iban-status': ibanStatusWebhookSchema,
  'partner-sepa-transfer': partnerSepaTransferWebhookSchema,
  'user-sepa-transfer': userSepaTransferWebhookSchema,
  'sepa-deposit': sepaDepositWebhookSchema,
  'crypto-withdrawal': cryptoWithdrawalWebhookSchema,
  'crypto-deposit': cryptoDepositWebhookSchema,
  exchange: exchangeWebhookSchema,
  'card-transaction': cardTransactionWebhookSchema,
  'order-status': orderStatusWebhookSchema,
  'payment-link': paymentLinkWebhookSchema,
  'card-3ds-code': card3dsCodeWebhookSchema,
  'card-activation-code': cardActivationCodeWebhookSchema,
} as const satisfies Readonly<Record<string, z.ZodType<Record<string, unknown>>>>;

export type P100WebhookEvent = keyof typeof P100_WEBHOOK_SCHEMAS;

/** The parsed body type of a catalog event, e.g. `P100WebhookPayload<'crypto-deposit'>`. */
export type P100WebhookPayload<E extends P100WebhookEvent> = z.infer<(typeof P100_WEBHOOK_SCHEMAS)[E]>;

/** The schema of a catalog event; undefined for a name the catalog does not know. */
export function webhookSchemaFor<E extends P100WebhookEvent>(event: E): (typeof P100_WEBHOOK_SCHEMAS)[E];
export function webhookSchemaFor(event: string): z.ZodType<Record<string, unknown>> | undefined;
export function webhookSchemaFor(event: string): z.ZodType<Record<string, unknown>> | undefined {
  return Object.hasOwn(P100_WEBHOOK_SCHEMAS, event) ? P100_WEBHOOK_SCHEMAS[event as P100WebhookEvent] : undefined;
}
