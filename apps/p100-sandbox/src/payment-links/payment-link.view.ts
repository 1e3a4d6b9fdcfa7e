import { queryOne, type Sql } from '../database/sql';
import { normalize } from '../money/decimal';

/** ACTIVE → PAID or EXPIRED (statuses not documented; inferred). */
export type PaymentLinkStatus = 'ACTIVE' | 'PAID' | 'EXPIRED';

export interface PaymentLinkRow {
  id: string;
  amount: string;
  currency: string;
  url: string;
  status: PaymentLinkStatus;
  created_at: Date;
}

export async function findPaymentLink(db: Sql, id: string, lock = false): Promise<PaymentLinkRow | undefined> {
  return queryOne<PaymentLinkRow>(
    db,
    `SELECT id, amount::text AS amount, currency, url, status, created_at FROM payment_links WHERE id = $1${lock ? ' FOR UPDATE' : ''}`,
    [id],
  );
}

/** openapi `PaymentLinkDetails` (inferred shape). */
export interface PaymentLinkDetailsView {
  paymentLinkId: string;
  status: PaymentLinkStatus;
  amount: string;
  currency: string;
  url: string;
  createdAt: string;
}

export function toPaymentLinkDetails(row: PaymentLinkRow): PaymentLinkDetailsView {
  return {
    paymentLinkId: row.id,
    status: row.status,
    amount: normalize(row.amount),
    currency: row.currency,
    url: row.url,
    createdAt: row.created_at.toISOString(),
  };
}

/** Payment Link webhook (proposed payload, webhooks.md): `{paymentLinkId, status, amount, currency, createdAt}`. */
export function paymentLinkWebhook(row: PaymentLinkRow, status: PaymentLinkStatus): Record<string, unknown> {
  return { paymentLinkId: row.id, status, amount: normalize(row.amount), currency: row.currency, createdAt: row.created_at.toISOString() };
}
