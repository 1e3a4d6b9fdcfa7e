import { query, type Sql } from '../database/sql';
import { cryptoCurrency } from '../ledger/currency-catalog';
import { networkConfigView, type NetworkConfigView } from '../balances/network-config.view';
import { jsonAmount } from '../money/exact-json';

/** openapi `CryptoBalance`, the one flat list of the non-KYC model (eur has no networkConfig). */
export interface NonKycBalanceView {
  id: string;
  amount: string;
  name: string;
  wallet: string | null;
  rate: number;
  networkConfig?: Record<string, NetworkConfigView>;
}

export async function nonKycBalancesOf(db: Sql, userId: string): Promise<NonKycBalanceView[]> {
  const rows = await query<{ id: string; currency: string; amount: string; rate: string | null; wallet: string | null }>(
    db,
    `SELECT b.id, b.currency, trunc(b.amount, b.decimals)::text AS amount, r.rate::text AS rate, b.wallet
       FROM balances b LEFT JOIN rates r ON r.currency = b.currency
      WHERE b.user_id = $1
      ORDER BY b.kind DESC, b.currency`,
    [userId],
  );
  return rows.map((row) => {
    // A rate is an indicative display value, typed number by the contract (as in Get User Balances).
    const view: NonKycBalanceView = { id: row.id, amount: row.amount, name: row.currency, wallet: row.wallet, rate: jsonAmount(row.rate ?? '0') };
    const network = cryptoCurrency(row.currency)?.networkConfig;
    if (network) view.networkConfig = networkConfigView(network);
    return view;
  });
}
