import { z } from 'zod';
import { currencyDecimals } from '../ledger/currency-catalog';
import { isDecimal, isPositive, parseAmount } from './decimal';

/**
 * An amount field: a decimal string, or a JSON number already turned into its exact source text
 * by `exactJsonBody`. The decimals allowed depend on the currency, so that check is `amountFits`.
 */
export const amountField = z
  .string({ error: 'must be a positive number' })
  .refine((v) => isDecimal(v) && isPositive(v), 'must be a positive number');

/** The P403 sentence for an amount with more decimals than its currency has, or undefined. */
export function amountPrecisionProblem(amount: string, currency: string, field = 'amount'): string | undefined {
  const decimals = currencyDecimals(currency);
  // A malformed amount is reported by `amountField`; an unknown currency by the currency field.
  if (!isDecimal(amount) || !isPositive(amount) || decimals === undefined || parseAmount(amount, decimals) !== undefined) return undefined;
  return `${field} can have at most ${decimals} decimal places for ${currency}`;
}
