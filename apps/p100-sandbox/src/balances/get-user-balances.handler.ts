import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { query } from '../database/sql';
import { P100Error } from '../errors/p100-error';
import { cryptoCurrency } from '../ledger/currency-catalog';
import { findUserByExternalId } from '../users/users.repository';
import type { UserBalancesView } from './user-balances.response';

interface BalanceRow {
  id: string;
  kind: 'fiat' | 'crypto';
  currency: string;
  /** Truncated to the currency's decimals by Postgres; never passes through a JS number. */
  amount: string;
  rate: string | null;
  status: string | null;
  iban: string | null;
  wallet: string | null;
}

/**
 * Get User Balances. Before KYC approval the user has no balances and the answer is two empty
 * lists (P100 documents no error for this case; P459 belongs to KYC status and cards).
 */
@Injectable()
export class GetUserBalancesHandler {
  constructor(private readonly dataSource: DataSource) {}

  async execute(externalUserId: string): Promise<UserBalancesView> {
    const user = await findUserByExternalId(this.dataSource, externalUserId);
    if (!user) throw new P100Error('P412');
    const rows = await query<BalanceRow>(
      this.dataSource,
      `SELECT b.id, b.kind, b.currency, trunc(b.amount, b.decimals)::text AS amount, r.rate::text AS rate,
              b.status, b.iban, b.wallet
         FROM balances b LEFT JOIN rates r ON r.currency = b.currency
        WHERE b.user_id = $1
        ORDER BY b.kind, b.currency`,
      [user.id],
    );
    const view: UserBalancesView = { fiatBalances: [], cryptoBalances: [] };
    for (const row of rows) {
      // A rate is an indicative display value, typed number by the contract.
      const rate = row.rate === null ? 0 : Number(row.rate);
      if (row.kind === 'fiat') {
        view.fiatBalances.push({ id: row.id, amount: row.amount, name: row.currency, rate, iban: row.iban, status: row.status ?? 'ACTIVE' });
      } else {
        view.cryptoBalances.push({
          id: row.id,
          amount: row.amount,
          name: row.currency,
          wallet: row.wallet,
          rate,
          networkConfig: structuredClone(cryptoCurrency(row.currency)?.networkConfig ?? {}),
        });
      }
    }
    return view;
  }
}
