import { queryOne, type Sql } from '../database/sql';
import { jsonAmount } from '../money/exact-json';

/**
 * Documented: WAITING_FOR_WALLET_ADDRESS, WAITING_FOR_CONFIRMATION. The others are the sandbox's
 * names for the undocumented steps (inferred): WAITING_FOR_PAYMENT (address assigned, window
 * open), COMPLETED (converted and settled), UNDERPAID (less than required arrived), EXPIRED.
 */
export type OrderStatus = 'WAITING_FOR_WALLET_ADDRESS' | 'WAITING_FOR_PAYMENT' | 'WAITING_FOR_CONFIRMATION' | 'COMPLETED' | 'UNDERPAID' | 'EXPIRED';

export interface OrderRow {
  id: string;
  lock_id: string;
  currency: string;
  network: string;
  settlement_amount: string;
  total_amount_required: string;
  received_amount: string;
  confirmations: number;
  required_confirmations: number;
  wallet_address: string | null;
  transaction_hash: string | null;
  status: OrderStatus;
  expires_at: Date | null;
  created_at: Date;
}

export async function findOrder(db: Sql, id: string, lock = false): Promise<OrderRow | undefined> {
  return queryOne<OrderRow>(
    db,
    `SELECT id, lock_id, currency, network, settlement_amount::text AS settlement_amount,
            total_amount_required::text AS total_amount_required, received_amount::text AS received_amount, confirmations,
            required_confirmations, wallet_address, transaction_hash, status, expires_at, created_at
       FROM orders WHERE id = $1${lock ? ' FOR UPDATE' : ''}`,
    [id],
  );
}

/** openapi `OrderDetails`; also the Order status webhook body (proposed payload, webhooks.md). */
export interface OrderDetailsView {
  orderId: string;
  lockId: string;
  status: OrderStatus;
  createdAt: string;
  expiresAt: string | null;
  confirmations: number;
  requiredConfirmations: number;
  receivedAmount: number;
  totalAmountRequired: number;
  cryptocurrency: string;
  walletAddress: string | null;
  transactionHash: string | null;
  network: string;
}

export function toOrderDetails(row: OrderRow): OrderDetailsView {
  return {
    orderId: row.id,
    lockId: row.lock_id,
    status: row.status,
    createdAt: row.created_at.toISOString(),
    expiresAt: row.expires_at?.toISOString() ?? null,
    confirmations: row.confirmations,
    requiredConfirmations: row.required_confirmations,
    receivedAmount: jsonAmount(row.received_amount),
    totalAmountRequired: jsonAmount(row.total_amount_required),
    cryptocurrency: row.currency,
    walletAddress: row.wallet_address,
    transactionHash: row.transaction_hash,
    // Requests name networks in lower case, order responses in upper case (`POLYGON`).
    network: row.network.toUpperCase(),
  };
}
