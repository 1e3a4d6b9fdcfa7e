import { z } from 'zod';

/**
 * Amounts cross the platform as decimal strings, never JS numbers: a double cannot hold 0.1, and
 * P100 amounts carry up to 8 decimals on values our callers must reconcile to the last digit.
 * Bounded in length (and so in range) before anything parses them.
 */
export const MAX_AMOUNT_INTEGER_DIGITS = 15;
export const MAX_AMOUNT_FRACTION_DIGITS = 18;

const AMOUNT = new RegExp(`^(0|[1-9]\\d{0,${MAX_AMOUNT_INTEGER_DIGITS - 1}})(\\.\\d{1,${MAX_AMOUNT_FRACTION_DIGITS}})?$`);

/** A positive amount as the caller sends it: "10", "0.001"; no sign, exponent or spaces. */
export const positiveAmountSchema = z
  .string()
  .max(MAX_AMOUNT_INTEGER_DIGITS + MAX_AMOUNT_FRACTION_DIGITS + 1)
  .regex(AMOUNT, `must be a decimal string with at most ${MAX_AMOUNT_INTEGER_DIGITS} integer and ${MAX_AMOUNT_FRACTION_DIGITS} fraction digits, e.g. "10.50"`)
  .refine((v) => /[1-9]/.test(v), { message: 'must be greater than zero' });

/** Any exact decimal in an answer or event (may be negative or zero). */
export const decimalSchema = z.string().regex(/^-?\d+(\.\d+)?$/).describe('exact decimal string');

/** Fraction digits of a decimal string ("1.50" → 2). */
export function fractionDigits(amount: string): number {
  const dot = amount.indexOf('.');
  return dot === -1 ? 0 : amount.length - dot - 1;
}

/**
 * Currencies P100 moves (reference.md), lower-case slugs with the decimals its balances show.
 * doge and eurt are listed for exchange but have no balances in the sandbox; they stay accepted
 * here and P100 decides (P410).
 */
export const CURRENCY_DECIMALS: Readonly<Record<string, number>> = {
  eur: 2,
  btc: 8,
  eth: 8,
  ltc: 8,
  pol: 8,
  doge: 8,
  usdc: 6,
  usdt: 6,
  eurt: 6,
};
export const CURRENCIES = Object.keys(CURRENCY_DECIMALS) as [string, ...string[]];
export const CRYPTO_CURRENCIES = CURRENCIES.filter((c) => c !== 'eur') as [string, ...string[]];

/** A currency slug; P100 treats case loosely, we send lower case. */
export const currencySchema = z
  .string()
  .max(10)
  .transform((v) => v.toLowerCase())
  .refine((v) => v in CURRENCY_DECIMALS, { message: `UNSUPPORTED_CURRENCY: must be one of ${CURRENCIES.join(', ')}` });

export const cryptoCurrencySchema = currencySchema.refine((v) => v !== 'eur', { message: 'UNSUPPORTED_CURRENCY: must be a crypto currency' });

/**
 * An amount together with its currency, checked against the currency's decimals, so P100's
 * "too many decimals" (P403) is answered before the call, naming the field.
 */
export function withinCurrencyDecimals<T extends { amount: string; currency: string }>(value: T, ctx: z.RefinementCtx, path = 'amount'): void {
  const decimals = CURRENCY_DECIMALS[value.currency];
  if (decimals !== undefined && fractionDigits(value.amount) > decimals) {
    ctx.addIssue({ code: 'custom', path: [path], message: `${value.currency} takes at most ${decimals} decimals` });
  }
}
