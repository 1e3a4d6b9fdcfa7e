import { z } from 'zod';
import { isPositive, parseAmount } from '../money/decimal';

/** An EUR amount as a decimal string: positive, at most 2 decimals (admin API: strings only, no float). */
const eurAmount = z.string({ error: 'must be a decimal string' }).transform((value, ctx) => {
  const amount = parseAmount(value, 2);
  if (amount === undefined || !isPositive(amount)) {
    ctx.addIssue({ code: 'custom', message: 'must be a positive decimal string with at most 2 decimal places' });
    return z.NEVER;
  }
  return amount;
});

/** Admin: a card payment to authorise. Cards spend the user's EUR balance (inferred). */
export const cardTransactionRequest = z.object({
  amount: eurAmount,
  currency: z.literal('eur').default('eur'),
  merchantName: z.string().min(1).max(100).default('Sandbox Merchant'),
  /** Which limit pair applies besides the "all" limits. */
  channel: z.enum(['POS', 'ATM', 'ECOM']).default('POS'),
});

export type CardTransactionRequest = z.infer<typeof cardTransactionRequest>;

/** Admin: a 3-D Secure challenge for a payment at a merchant. */
export const threeDsRequest = z.object({
  amount: eurAmount,
  currency: z.literal('eur').default('eur'),
  merchantName: z.string().min(1).max(100).default('Sandbox Merchant'),
});
