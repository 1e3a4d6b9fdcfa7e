import { jsonAmount } from '../money/exact-json';
import { queryOne, type Sql } from '../database/sql';
import { normalize } from '../money/decimal';

export type SepaTransferStatus = 'PENDING' | 'SUCCESSFUL' | 'FAILED';

/** A failure reason in the Internal Transfer webhook's style `{description, status}` (inferred). */
export interface MovementError {
  description: string;
  status: string;
}

export interface SepaTransferRow {
  id: string;
  user_id: string | null;
  amount: string;
  fee: string;
  currency: string;
  destination_iban: string;
  transfer_title: string;
  receiver_first_name: string | null;
  receiver_last_name: string | null;
  company_name: string | null;
  status: SepaTransferStatus;
  error: MovementError | null;
  created_at: Date;
}

/** openapi `SepaTransferDetails` (without the nested user) and the SUCCESSFUL webhook body. */
export interface SepaTransferView {
  id: string;
  type: 'external';
  amount: string;
  transferTitle: string;
  destinationIban: string;
  receiverFirstName: string | null;
  receiverLastName: string | null;
  status: SepaTransferStatus;
  currency: string;
  fee: number;
  createdAt: string;
  error?: MovementError;
}

export async function findSepaTransfer(db: Sql, id: string, lock = false): Promise<SepaTransferRow | undefined> {
  return queryOne<SepaTransferRow>(
    db,
    `SELECT id, user_id, amount::text AS amount, fee::text AS fee, currency, destination_iban, transfer_title,
            receiver_first_name, receiver_last_name, company_name, status, error, created_at
       FROM sepa_transfers WHERE id = $1${lock ? ' FOR UPDATE' : ''}`,
    [id],
  );
}

/** Amounts as decimal strings ("16.02"), the fee as a JSON number literal, as in the docs' example. */
export function toSepaTransferView(row: SepaTransferRow): SepaTransferView {
  return {
    id: row.id,
    type: 'external',
    amount: normalize(row.amount),
    transferTitle: row.transfer_title,
    destinationIban: row.destination_iban,
    // A LEGAL receiver has no person's name; the docs show only the two name fields.
    receiverFirstName: row.receiver_first_name,
    receiverLastName: row.receiver_last_name,
    status: row.status,
    currency: row.currency,
    fee: jsonAmount(row.fee),
    createdAt: row.created_at.toISOString(),
    ...(row.error ? { error: row.error } : {}),
  };
}
