import { dueIn, query, queryOne, type Sql } from '../database/sql';
import type { LedgerOwner } from '../ledger/ledger.service';
import type { ExchangeQuote } from './exchange-quote';

export type ExchangeStatus = 'PENDING' | 'COMPLETED' | 'FAILED';

export interface ExchangeRow {
  id: string;
  owner_kind: 'partner' | 'user';
  user_id: string | null;
  external_user_id: string | null;
  currency_from: string;
  currency_to: string;
  amount: string;
  rate: string;
  fee_percentage: string;
  fee: string;
  amount_to: string;
  status: ExchangeStatus;
  error_description: string | null;
  error_status: string | null;
  created_at: Date;
  updated_at: Date;
}

export async function insertExchange(
  db: Sql,
  exchange: {
    id: string;
    owner: LedgerOwner;
    lockId: string;
    currencyFrom: string;
    currencyTo: string;
    amount: string;
    feePercentage: string;
    quote: ExchangeQuote;
    delayMs: number;
  },
): Promise<void> {
  await query(
    db,
    `INSERT INTO exchanges (id, owner_kind, user_id, lock_id, currency_from, currency_to, amount, rate, fee_percentage, fee,
                            amount_to, status, due_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7::numeric, $8::numeric, $9::numeric, $10::numeric, $11::numeric, 'PENDING',
             ${dueIn('$12')})`,
    [
      exchange.id,
      exchange.owner.kind,
      exchange.owner.kind === 'user' ? exchange.owner.userId : null,
      exchange.lockId,
      exchange.currencyFrom,
      exchange.currencyTo,
      exchange.amount,
      exchange.quote.rate,
      exchange.feePercentage,
      exchange.quote.fee,
      exchange.quote.amountTo,
      exchange.delayMs,
    ],
  );
}

export async function findExchange(db: Sql, id: string): Promise<ExchangeRow | undefined> {
  return queryOne<ExchangeRow>(
    db,
    `SELECT e.id, e.owner_kind, e.user_id, u.external_user_id, e.currency_from, e.currency_to, e.amount::text AS amount,
            e.rate::text AS rate, e.fee_percentage::text AS fee_percentage, e.fee::text AS fee, e.amount_to::text AS amount_to,
            e.status, e.error_description, e.error_status, e.created_at, e.updated_at
       FROM exchanges e LEFT JOIN users u ON u.id = e.user_id
      WHERE e.id = $1`,
    [id],
  );
}

export async function finishExchange(db: Sql, id: string, status: 'COMPLETED' | 'FAILED', error?: { description: string; status: string }): Promise<void> {
  await query(
    db,
    `UPDATE exchanges SET status = $2, error_description = $3, error_status = $4, updated_at = now() WHERE id = $1`,
    [id, status, error?.description ?? null, error?.status ?? null],
  );
}
