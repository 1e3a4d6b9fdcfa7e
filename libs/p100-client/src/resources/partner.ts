import type { P100Send } from '../request';
import type { Balances, MonthQuery, TransactionHistory } from '../types/balances';
import type { CreateWalletRequest } from '../types/crypto';

export class PartnerResource {
  constructor(private readonly send: P100Send) {}

  getBalances(): Promise<Balances> {
    return this.send({ operation: 'getPartnerBalances' });
  }

  getTransactionHistory(period: MonthQuery): Promise<TransactionHistory> {
    return this.send({ operation: 'partnerGetTransactionHistory', query: { ...period } });
  }

  /** Asynchronous; completion arrives as the Create Wallet webhook. */
  createWallet(input: CreateWalletRequest): Promise<unknown> {
    return this.send({ operation: 'partnerCreateWallet', body: input });
  }
}
