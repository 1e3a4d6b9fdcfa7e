import { jsonAmount } from '../money/exact-json';
import type { ExchangeRow } from './exchanges.repository';

/**
 * Exchange details and the Exchange webhook (shape proposed in webhooks.md, inferred): the id
 * under both names the catalog keys on, amounts and rates as exact JSON numbers.
 */
export interface ExchangeView {
  id: string;
  exchangeId: string;
  externalUserId: string | null;
  amount: number;
  currencyFrom: string;
  currencyTo: string;
  rate: number;
  feePercentage: number;
  fee: number;
  amountTo: number;
  status: string;
  createdAt: string;
  updatedAt: string;
  error: { description: string; status: string } | null;
}

export function exchangeView(row: ExchangeRow): ExchangeView {
  return {
    id: row.id,
    exchangeId: row.id,
    externalUserId: row.external_user_id,
    amount: jsonAmount(row.amount),
    currencyFrom: row.currency_from,
    currencyTo: row.currency_to,
    rate: jsonAmount(row.rate),
    feePercentage: jsonAmount(row.fee_percentage),
    fee: jsonAmount(row.fee),
    amountTo: jsonAmount(row.amount_to),
    status: row.status,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    error: row.error_description === null ? null : { description: row.error_description, status: row.error_status ?? 'FAILED' },
  };
}
