import { z } from 'zod';
import { decimalIntegerString, decimalString, idString, statusString, timestamp, webhookError } from './webhook-fields';

/** Exchange, Order and Payment Link webhooks (webhooks.md #14, #16, #17); all payloads inferred. */

/**
 * Final exchange statuses as the docs spell them: COMPLETED/FAILED (exchange pages),
 * completed/failed (old page), SUCCESSFUL/FAILED (Transaction Processing page). The naming is
 * inconsistent, so they are compared case-insensitively (inferred) and passed on as sent.
 */
export const EXCHANGE_FINAL_STATUSES = ['COMPLETED', 'SUCCESSFUL', 'FAILED'] as const;

/**
 * Exchange: payload not retrieved; proposed (inferred) `{id/exchangeId, externalUserId?, amount,
 * currencyFrom, currencyTo, rate, fee, status, createdAt, error?}`, numbers as JSON numbers. The
 * id may come under either name, so one of the two is required.
 */
export const exchangeWebhookSchema = z
  .looseObject({
    id: idString.optional(),
    exchangeId: idString.optional(),
    externalUserId: z.string().nullable().optional(),
    amount: decimalString.optional(),
    currencyFrom: z.string().optional(),
    currencyTo: z.string().optional(),
    rate: decimalString.optional(),
    fee: decimalString.optional(),
    feePercentage: decimalString.optional(),
    amountTo: decimalString.optional(),
    status: statusString.refine((s) => (EXCHANGE_FINAL_STATUSES as readonly string[]).includes(s.toUpperCase()), {
      message: `must be one of ${EXCHANGE_FINAL_STATUSES.join(', ')} (any case)`,
    }),
    createdAt: timestamp.optional(),
    error: webhookError,
  })
  .refine((p) => p.id !== undefined || p.exchangeId !== undefined, { message: 'exchangeId or id is required', path: ['exchangeId'] });
export type ExchangeWebhook = z.infer<typeof exchangeWebhookSchema>;

/**
 * Order status: payload not retrieved; proposed (inferred) as the Get Order Details shape. Seen
 * statuses: WAITING_FOR_WALLET_ADDRESS, WAITING_FOR_CONFIRMATION; final names not retrieved, so
 * any status word is accepted. Confirmation counts are JSON integers, hence integer strings.
 */
export const orderStatusWebhookSchema = z.looseObject({
  orderId: idString,
  lockId: z.string().optional(),
  status: statusString,
  confirmations: decimalIntegerString.optional(),
  requiredConfirmations: decimalIntegerString.optional(),
  receivedAmount: decimalString.optional(),
  totalAmountRequired: decimalString.optional(),
  cryptocurrency: z.string().optional(),
  walletAddress: z.string().nullable().optional(),
  transactionHash: z.string().nullable().optional(),
  network: z.string().optional(),
  expiresAt: timestamp.nullable().optional(),
  createdAt: timestamp.optional(),
});
export type OrderStatusWebhook = z.infer<typeof orderStatusWebhookSchema>;

/** Payment Link: payload not retrieved; proposed (inferred) `{paymentLinkId, status, amount, currency, createdAt}`. */
export const paymentLinkWebhookSchema = z.looseObject({
  paymentLinkId: idString,
  status: statusString,
  amount: decimalString.optional(),
  currency: z.string().optional(),
  createdAt: timestamp.optional(),
});
export type PaymentLinkWebhook = z.infer<typeof paymentLinkWebhookSchema>;
