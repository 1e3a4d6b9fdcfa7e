import { jsonAmount } from '../money/exact-json';
import type { TransferRow } from './internal-transfers.repository';

/** openapi `WebhookInternalTransfer`, also the Get Transfer Details answer. */
export interface TransferView {
  id: string;
  sourceExternalUserId: string | null;
  destinationExternalUserId: string | null;
  amount: number;
  currency: string;
  status: string;
  createdAt: string;
  error: { description: string; status: string } | null;
}

export function transferView(row: TransferRow): TransferView {
  return {
    id: row.id,
    sourceExternalUserId: row.source_external_user_id,
    destinationExternalUserId: row.destination_external_user_id,
    amount: jsonAmount(row.amount),
    currency: row.currency,
    status: row.status,
    createdAt: row.created_at.toISOString(),
    error: row.error_description === null ? null : { description: row.error_description, status: row.error_status ?? 'FAILED' },
  };
}
