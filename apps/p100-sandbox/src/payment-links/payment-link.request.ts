import { z } from 'zod';
import { FIAT_CURRENCY } from '../ledger/currency-catalog';
import { amountField } from '../money/amount-schema';
import { checkAmountPrecision } from '../sepa/request-fields';

/**
 * Generate Payment Link / Hosted Checkout (#20 / #21, openapi `PaymentLinkRequest`, inferred):
 * an EUR amount; settlement is always EUR to the partner balance, so `currency` may only be eur.
 */
export const paymentLinkRequest = z
  .object({
    amount: amountField,
    currency: z
      .string()
      .transform((v) => v.toLowerCase())
      .refine((v) => v === FIAT_CURRENCY.slug, `must be one of the following values: ${FIAT_CURRENCY.slug}`)
      .default(FIAT_CURRENCY.slug),
    description: z.string().max(500, 'must be shorter than or equal to 500 characters').optional(),
    redirectUrl: z.url({ protocol: /^https?$/, error: 'must be a URL address' }).optional(),
  })
  .superRefine((body, ctx) => checkAmountPrecision(ctx, body.amount, FIAT_CURRENCY.slug));

export type PaymentLinkKind = 'payment-link' | 'hosted-checkout';
