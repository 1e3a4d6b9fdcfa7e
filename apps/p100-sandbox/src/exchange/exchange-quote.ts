import { compare, divRound, mul, sub } from '../money/decimal';
import { currencyDecimals } from '../ledger/currency-catalog';

export interface ExchangeQuote {
  /** currencyTo per currencyFrom, from the locked rates (both per EUR). */
  rate: string;
  /** In currencyTo, rounded up to its decimals. */
  fee: string;
  /** What is credited in currencyTo: gross − fee, gross rounded down to the currency's decimals. */
  amountTo: string;
}

const RATE_DECIMALS = 12;

/**
 * Prices an exchange at the locked rates with the lock's fee percentage, in exact decimals. The
 * rounding (gross down, fee up) never gives away more than the rates allow (inferred: P100 does
 * not document its rounding). Undefined when nothing would be credited.
 */
export function quoteExchange(
  amount: string,
  currencyFrom: string,
  currencyTo: string,
  rates: Record<string, string>,
  feePercentage: string,
): ExchangeQuote | undefined {
  const fromRate = rates[currencyFrom];
  const toRate = rates[currencyTo];
  const decimals = currencyDecimals(currencyTo);
  if (!fromRate || !toRate || decimals === undefined) return undefined;
  const gross = divRound(mul(amount, fromRate), toRate, decimals, 'down');
  const fee = divRound(mul(gross, feePercentage), '100', decimals, 'up');
  const amountTo = sub(gross, fee);
  if (compare(amountTo, '0') <= 0) return undefined;
  return { rate: divRound(fromRate, toRate, RATE_DECIMALS, 'half-up'), fee, amountTo };
}
