import { query, type Sql } from '../database/sql';
import { normalize } from '../money/decimal';

export interface JournalFilter {
  /** users.id; null = the partner; undefined = everyone. */
  userId?: string | null;
  currency?: string;
  referenceType?: string;
  referenceId?: string;
  from?: Date;
  to?: Date;
  limit: number;
}

export interface JournalEntry {
  id: string;
  owner: 'partner' | 'user';
  externalUserId: string | null;
  currency: string;
  direction: 'credit' | 'debit';
  amount: string;
  balanceAfter: string;
  reference: { type: string; id: string };
  createdAt: string;
}

interface JournalRow {
  id: string;
  owner_kind: 'partner' | 'user';
  external_user_id: string | null;
  currency: string;
  direction: 'credit' | 'debit';
  amount: string;
  balance_after: string;
  reference_type: string;
  reference_id: string;
  created_at: Date;
}

/** Journal entries, oldest first: the source of transaction histories and of the admin view. */
export async function listJournal(db: Sql, filter: JournalFilter): Promise<JournalEntry[]> {
  const rows = await query<JournalRow>(
    db,
    `SELECT j.id::text AS id, j.owner_kind, u.external_user_id, j.currency, j.direction, j.amount::text AS amount,
            j.balance_after::text AS balance_after, j.reference_type, j.reference_id, j.created_at
       FROM ledger_journal j LEFT JOIN users u ON u.id = j.user_id
      WHERE ($1::boolean IS FALSE OR j.user_id IS NOT DISTINCT FROM $2::uuid)
        AND ($3::text IS NULL OR j.currency = $3)
        AND ($4::text IS NULL OR j.reference_type = $4)
        AND ($5::text IS NULL OR j.reference_id = $5)
        AND ($6::timestamptz IS NULL OR j.created_at >= $6)
        AND ($7::timestamptz IS NULL OR j.created_at < $7)
      ORDER BY j.id
      LIMIT $8`,
    [
      filter.userId !== undefined,
      filter.userId ?? null,
      filter.currency ?? null,
      filter.referenceType ?? null,
      filter.referenceId ?? null,
      filter.from ?? null,
      filter.to ?? null,
      filter.limit,
    ],
  );
  return rows.map((r) => ({
    id: r.id,
    owner: r.owner_kind,
    externalUserId: r.external_user_id,
    currency: r.currency,
    direction: r.direction,
    amount: normalize(r.amount),
    balanceAfter: normalize(r.balance_after),
    reference: { type: r.reference_type, id: r.reference_id },
    createdAt: r.created_at.toISOString(),
  }));
}
