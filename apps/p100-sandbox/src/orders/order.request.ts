import { z } from 'zod';
import { FIAT_CURRENCY } from '../ledger/currency-catalog';
import { amountField, amountPrecisionProblem } from '../money/amount-schema';
import { networksOf, resolveNetwork, SUPPORTED_CRYPTO, type CryptoNetwork } from '../crypto/crypto-networks';

export interface OrderLockInput {
  target: CryptoNetwork;
  /** The EUR settlement amount the order must produce. */
  amount: string;
}

/**
 * Retrieve Order Rate and Create a Lock (#17, openapi `OrderLockRequest`): `amount` is the EUR
 * settlement, `currency`/`network` the crypto the payer will send.
 */
export const orderLockRequest = z
  .object({
    currency: z
      .string()
      .transform((v) => v.toLowerCase())
      .refine((v) => SUPPORTED_CRYPTO.includes(v), `must be one of the following values: ${SUPPORTED_CRYPTO.join(', ')}`),
    amount: amountField,
    network: z.string().min(1, 'should not be empty'),
  })
  .transform((body, ctx): OrderLockInput => {
    const target = resolveNetwork(body.currency, body.network);
    if (!target) {
      ctx.addIssue({ code: 'custom', path: ['network'], message: `must be one of the following values: ${networksOf(body.currency).join(', ')}` });
    }
    const precision = amountPrecisionProblem(body.amount, FIAT_CURRENCY.slug);
    if (precision) ctx.addIssue({ code: 'custom', path: [], message: precision });
    if (!target || precision) return z.NEVER;
    return { target, amount: body.amount };
  });

/** Create and Finalize an Order (#18). */
export const createOrderRequest = z.object({ lockId: z.uuid({ error: 'must be a UUID' }) });
