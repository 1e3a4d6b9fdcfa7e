import { jsonAmount } from '../money/exact-json';
import { queryOne, type Sql } from '../database/sql';
import { add } from '../money/decimal';
import type { MovementError } from '../sepa/sepa-transfer.view';

export type CryptoWithdrawalStatus = 'PENDING' | 'PROCESSING' | 'SUCCESSFUL' | 'FAILED';

export interface CryptoWithdrawalRow {
  id: string;
  user_id: string | null;
  external_user_id: string | null;
  currency: string;
  network: string;
  amount: string;
  service_fee: string;
  network_fee: string;
  wallet_address: string;
  memo: string | null;
  name: string;
  wallet_type: string;
  receiver_type: string;
  status: CryptoWithdrawalStatus;
  transaction_hash: string | null;
  error: MovementError | null;
  created_at: Date;
}

export async function findCryptoWithdrawal(db: Sql, id: string): Promise<CryptoWithdrawalRow | undefined> {
  return queryOne<CryptoWithdrawalRow>(
    db,
    `SELECT w.id, w.user_id, u.external_user_id, w.currency, w.network, w.amount::text AS amount, w.service_fee::text AS service_fee,
            w.network_fee::text AS network_fee, w.wallet_address, w.memo, w.name, w.wallet_type, w.receiver_type, w.status,
            w.transaction_hash, w.error, w.created_at
       FROM crypto_withdrawals w LEFT JOIN users u ON u.id = w.user_id
      WHERE w.id = $1`,
    [id],
  );
}

/** The total fee: P100's fixed service fee plus the network fee, both taken on top of the amount. */
export const totalFee = (row: Pick<CryptoWithdrawalRow, 'service_fee' | 'network_fee'>) => add(row.service_fee, row.network_fee);

/**
 * Crypto Withdrawal webhook: the old docs' `{id, amount, fee, destination, status}` (numbers as
 * JSON numbers) plus `transactionHash`, `currency`, `network`, `createdAt`, `error?` (inferred).
 */
export function cryptoWithdrawalWebhook(row: CryptoWithdrawalRow): Record<string, unknown> {
  return {
    id: row.id,
    amount: jsonAmount(row.amount),
    fee: jsonAmount(totalFee(row)),
    destination: row.wallet_address,
    status: row.status,
    transactionHash: row.transaction_hash,
    currency: row.currency,
    network: row.network,
    createdAt: row.created_at.toISOString(),
    ...(row.error ? { error: row.error } : {}),
  };
}

/** Get Crypto Withdrawal Details: "status, amounts, blockchain hash, user data, error details" (shape inferred). */
export interface CryptoWithdrawalDetails {
  id: string;
  externalUserId: string | null;
  status: CryptoWithdrawalStatus;
  currency: string;
  network: string;
  amount: number;
  fee: number;
  serviceFee: number;
  networkFee: number;
  walletAddress: string;
  memo: string | null;
  name: string;
  walletType: string;
  receiverType: string;
  transactionHash: string | null;
  error: MovementError | null;
  createdAt: string;
}

export function toCryptoWithdrawalDetails(row: CryptoWithdrawalRow): CryptoWithdrawalDetails {
  return {
    id: row.id,
    externalUserId: row.external_user_id,
    status: row.status,
    currency: row.currency,
    network: row.network,
    amount: jsonAmount(row.amount),
    fee: jsonAmount(totalFee(row)),
    serviceFee: jsonAmount(row.service_fee),
    networkFee: jsonAmount(row.network_fee),
    walletAddress: row.wallet_address,
    memo: row.memo,
    name: row.name,
    walletType: row.wallet_type,
    receiverType: row.receiver_type,
    transactionHash: row.transaction_hash,
    error: row.error,
    createdAt: row.created_at.toISOString(),
  };
}
