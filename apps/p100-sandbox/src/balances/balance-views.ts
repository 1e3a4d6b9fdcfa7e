import { cryptoCurrency, currencyDecimals } from '../ledger/currency-catalog';
import { toFixed } from '../money/decimal';
import { jsonAmount } from '../money/exact-json';
import { networkConfigView } from './network-config.view';
import type { CryptoBalanceView, FiatBalanceView } from './user-balances.response';

export interface BalanceSource {
  id: string;
  currency: string;
  /** Exact numeric text from the ledger's row. */
  amount: string;
  rate: string | null;
  iban: string | null;
  wallet: string | null;
  status: string | null;
}

/**
 * One balance as openapi `FiatBalance` / `CryptoBalance`: the amount with exactly the currency's
 * decimals (truncated, as P100 shows), the rate as an exact JSON number. Shared by user (#34) and
 * partner (#1) Get Balances.
 */
export function fiatBalanceView(b: BalanceSource): FiatBalanceView {
  return { id: b.id, amount: amountText(b), name: b.currency, rate: rateOf(b), iban: b.iban, status: b.status ?? 'ACTIVE' };
}

export function cryptoBalanceView(b: BalanceSource): CryptoBalanceView {
  return {
    id: b.id,
    amount: amountText(b),
    name: b.currency,
    wallet: b.wallet,
    rate: rateOf(b),
    networkConfig: networkConfigView(cryptoCurrency(b.currency)?.networkConfig ?? {}),
  };
}

function amountText(b: BalanceSource): string {
  return toFixed(b.amount, currencyDecimals(b.currency) ?? 8);
}

function rateOf(b: BalanceSource): number {
  return jsonAmount(b.rate ?? '0');
}
