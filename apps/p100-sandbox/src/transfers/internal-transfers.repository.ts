import { dueIn, query, queryOne, type Sql } from '../database/sql';

/** collection: user → partner; funding: partner → user; master-balance: top-up of the partner (L3). */
export type TransferKind = 'collection' | 'funding' | 'master-balance';
export type TransferStatus = 'PENDING' | 'SUCCESSFUL' | 'FAILED';

export interface TransferRow {
  id: string;
  kind: TransferKind;
  source_user_id: string | null;
  destination_user_id: string | null;
  source_external_user_id: string | null;
  destination_external_user_id: string | null;
  currency: string;
  amount: string;
  status: TransferStatus;
  error_description: string | null;
  error_status: string | null;
  created_at: Date;
}

export async function insertTransfer(
  db: Sql,
  transfer: { id: string; kind: TransferKind; sourceUserId: string | null; destinationUserId: string | null; currency: string; amount: string; delayMs: number },
): Promise<void> {
  await query(
    db,
    `INSERT INTO internal_transfers (id, kind, source_user_id, destination_user_id, currency, amount, status, due_at)
     VALUES ($1, $2, $3, $4, $5, $6::numeric, 'PENDING', ${dueIn('$7')})`,
    [transfer.id, transfer.kind, transfer.sourceUserId, transfer.destinationUserId, transfer.currency, transfer.amount, transfer.delayMs],
  );
}

export async function findTransfer(db: Sql, id: string): Promise<TransferRow | undefined> {
  return queryOne<TransferRow>(
    db,
    `SELECT t.id, t.kind, t.source_user_id, t.destination_user_id, s.external_user_id AS source_external_user_id,
            d.external_user_id AS destination_external_user_id, t.currency, t.amount::text AS amount, t.status,
            t.error_description, t.error_status, t.created_at
       FROM internal_transfers t
       LEFT JOIN users s ON s.id = t.source_user_id
       LEFT JOIN users d ON d.id = t.destination_user_id
      WHERE t.id = $1`,
    [id],
  );
}

export async function finishTransfer(db: Sql, id: string, status: 'SUCCESSFUL' | 'FAILED', error?: { description: string; status: string }): Promise<void> {
  await query(
    db,
    `UPDATE internal_transfers SET status = $2, error_description = $3, error_status = $4, updated_at = now() WHERE id = $1`,
    [id, status, error?.description ?? null, error?.status ?? null],
  );
}
