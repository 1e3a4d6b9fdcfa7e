import type { NetworkConfigEntry } from '../ledger/currency-catalog';
import { jsonAmount } from '../money/exact-json';

/** openapi `networkConfig` entry: fees and minimums are JSON numbers on the wire. */
export interface NetworkConfigView {
  mainnet: boolean;
  name: string;
  withdrawal: { feeWithdrawal: number; minWithdrawal: number };
  deposit: { minDeposit: number };
}

/** The catalog's exact decimal strings written as number literals, digit for digit. */
export function networkConfigView(config: Readonly<Record<string, NetworkConfigEntry>>): Record<string, NetworkConfigView> {
  return Object.fromEntries(
    Object.entries(config).map(([network, entry]) => [
      network,
      {
        mainnet: entry.mainnet,
        name: entry.name,
        withdrawal: { feeWithdrawal: jsonAmount(entry.withdrawal.feeWithdrawal), minWithdrawal: jsonAmount(entry.withdrawal.minWithdrawal) },
        deposit: { minDeposit: jsonAmount(entry.deposit.minDeposit) },
      },
    ]),
  );
}
