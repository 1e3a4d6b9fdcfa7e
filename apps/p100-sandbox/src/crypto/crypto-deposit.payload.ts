import { jsonAmount } from '../money/exact-json';
import { queryOne, type Sql } from '../database/sql';

export type CryptoDepositStatus = 'WAITING_FOR_VERIFICATION' | 'WAITING_FOR_TR_DATA' | 'SUCCESSFUL' | 'UNSUCCESSFUL';

export interface CryptoDepositRow {
  id: string;
  user_id: string | null;
  external_user_id: string | null;
  user_blocked: boolean;
  currency: string;
  network: string;
  amount: string;
  transaction_hash: string;
  outcome: 'success' | 'unsuccessful';
  status: CryptoDepositStatus;
  travel_rule: Record<string, unknown> | null;
  created_at: Date;
}

export async function findCryptoDeposit(db: Sql, id: string, lock = false): Promise<CryptoDepositRow | undefined> {
  return queryOne<CryptoDepositRow>(
    db,
    `SELECT d.id, d.user_id, u.external_user_id, (u.suspended_at IS NOT NULL OR u.deleted_at IS NOT NULL) AS user_blocked,
            d.currency, d.network, d.amount::text AS amount, d.transaction_hash, d.outcome, d.status, d.travel_rule, d.created_at
       FROM crypto_deposits d LEFT JOIN users u ON u.id = d.user_id
      WHERE d.id = $1${lock ? ' FOR UPDATE OF d' : ''}`,
    [id],
  );
}

/** Crypto Deposit webhook (webhooks.md #13, flat form); the partner's own deposits carry no externalUserId. */
export function cryptoDepositPayload(row: CryptoDepositRow, status: CryptoDepositStatus): Record<string, unknown> {
  return {
    ...(row.external_user_id ? { externalUserId: row.external_user_id } : {}),
    cryptoDepositId: row.id,
    amount: jsonAmount(row.amount),
    currency: row.currency,
    status,
    transactionHash: row.transaction_hash,
    createdAt: row.created_at.toISOString(),
  };
}
