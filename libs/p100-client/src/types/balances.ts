import type { Decimal } from './common';

export interface NetworkConfigEntry {
  mainnet: boolean;
  name: string;
  withdrawal?: { feeWithdrawal?: Decimal; minWithdrawal?: Decimal };
  deposit?: { minDeposit?: Decimal };
}

export interface FiatBalance {
  id: string;
  amount: Decimal;
  name: string;
  rate: Decimal;
  iban: string | null;
  /** `WAITING_TO_BE_ACTIVATED` until KYC succeeds (prose also says WAITING_FOR_ACTIVATION). */
  status: 'ACTIVE' | 'WAITING_TO_BE_ACTIVATED' | (string & {});
}

export interface CryptoBalance {
  id: string;
  amount: Decimal;
  name: string;
  wallet: string | null;
  rate: Decimal;
  networkConfig?: Record<string, NetworkConfigEntry>;
}

export interface Balances {
  fiatBalances: FiatBalance[];
  cryptoBalances: CryptoBalance[];
}

/** Shape (inferred): the docs only name type, amount, currency, status and timestamps. */
export interface TransactionHistory {
  transactions: Array<{ id: string; type: string; amount: Decimal; currency: string; status: string; createdAt: string }>;
}

export interface MonthQuery {
  /** 1-12 (parameter name inferred). */
  month: number;
  year: number;
}
