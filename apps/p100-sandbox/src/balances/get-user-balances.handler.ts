import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { query } from '../database/sql';
import { requireUser } from '../users/require-user';
import { cryptoBalanceView, fiatBalanceView, type BalanceSource } from './balance-views';
import type { UserBalancesView } from './user-balances.response';

/**
 * Get User Balances. Amounts are the ledger's (the `amount` of the user's `balances` rows, which
 * only LedgerService changes). Before KYC approval the user has no balances and the answer is
 * two empty lists (P100 documents no error for this case; P459 belongs to KYC status and cards).
 */
@Injectable()
export class GetUserBalancesHandler {
  constructor(private readonly dataSource: DataSource) {}

  async execute(externalUserId: string): Promise<UserBalancesView> {
    // A deleted user is answered like one that never existed (P412).
    const user = await requireUser(this.dataSource, externalUserId);
    const rows = await query<BalanceSource & { kind: 'fiat' | 'crypto' }>(
      this.dataSource,
      `SELECT b.id, b.kind, b.currency, b.amount::text AS amount, r.rate::text AS rate, b.status, b.iban, b.wallet
         FROM balances b LEFT JOIN rates r ON r.currency = b.currency
        WHERE b.user_id = $1
        ORDER BY b.kind, b.currency`,
      [user.id],
    );
    return {
      fiatBalances: rows.filter((r) => r.kind === 'fiat').map(fiatBalanceView),
      cryptoBalances: rows.filter((r) => r.kind === 'crypto').map(cryptoBalanceView),
    };
  }
}
