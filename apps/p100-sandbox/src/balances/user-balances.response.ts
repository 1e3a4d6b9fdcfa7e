import type { NetworkConfigView } from './network-config.view';

/** openapi `UserBalances`: amounts are decimal strings, rates are JSON numbers. */
export interface FiatBalanceView {
  id: string;
  amount: string;
  name: string;
  rate: number;
  iban: string | null;
  status: string;
}

export interface CryptoBalanceView {
  id: string;
  amount: string;
  name: string;
  wallet: string | null;
  rate: number;
  networkConfig: Record<string, NetworkConfigView>;
}

export interface UserBalancesView {
  fiatBalances: FiatBalanceView[];
  cryptoBalances: CryptoBalanceView[];
}
