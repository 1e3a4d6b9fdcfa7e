import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { cryptoBalanceView, fiatBalanceView } from '../balances/balance-views';
import type { UserBalancesView } from '../balances/user-balances.response';
import { FIAT_CURRENCY } from '../ledger/currency-catalog';
import { listPartnerBalances } from '../ledger/partner-balances.repository';

/** Get Balances (#1): the partner's ledger balances in every currency, shaped like the user's. */
@Injectable()
export class GetPartnerBalancesHandler {
  constructor(private readonly dataSource: DataSource) {}

  async execute(): Promise<UserBalancesView> {
    const rows = (await listPartnerBalances(this.dataSource)).map((r) => ({ ...r, status: 'ACTIVE' }));
    return {
      fiatBalances: rows.filter((r) => r.currency === FIAT_CURRENCY.slug).map(fiatBalanceView),
      cryptoBalances: rows.filter((r) => r.currency !== FIAT_CURRENCY.slug).map(cryptoBalanceView),
    };
  }
}
