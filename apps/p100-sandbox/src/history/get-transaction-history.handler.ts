import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { parseP100Input } from '../errors/parse-p100-input';
import { listJournal } from '../ledger/journal.repository';
import { requireUser } from '../users/require-user';
import { transactionHistoryQuery } from './transaction-history.request';

/** openapi `TransactionHistory` (shape inferred); `direction` and `referenceId` are additions. */
export interface TransactionHistoryView {
  transactions: Array<{
    id: string;
    type: string;
    referenceId: string;
    direction: 'credit' | 'debit';
    amount: string;
    currency: string;
    status: string;
    createdAt: string;
  }>;
}

const MAX_ENTRIES = 10_000;

/**
 * Get Transaction History (#2 partner, #35 user) for one calendar month (UTC), built from the
 * ledger journal: one transaction per balance movement, so an exchange shows its debit and its
 * credit. Only settled movements reach the journal, hence status SUCCESSFUL (inferred).
 */
@Injectable()
export class GetTransactionHistoryHandler {
  constructor(private readonly dataSource: DataSource) {}

  async forPartner(queryParams: unknown): Promise<TransactionHistoryView> {
    return this.list(null, queryParams);
  }

  async forUser(externalUserId: string, queryParams: unknown): Promise<TransactionHistoryView> {
    const user = await requireUser(this.dataSource, externalUserId);
    return this.list(user.id, queryParams);
  }

  private async list(userId: string | null, queryParams: unknown): Promise<TransactionHistoryView> {
    const { month, year } = parseP100Input(transactionHistoryQuery, queryParams);
    const entries = await listJournal(this.dataSource, {
      userId,
      from: new Date(Date.UTC(year, month - 1, 1)),
      to: new Date(Date.UTC(year, month, 1)),
      limit: MAX_ENTRIES,
    });
    return {
      transactions: entries.map((e) => ({
        id: e.id,
        type: e.reference.type,
        referenceId: e.reference.id,
        direction: e.direction,
        amount: e.amount,
        currency: e.currency,
        status: 'SUCCESSFUL',
        createdAt: e.createdAt,
      })),
    };
  }
}
