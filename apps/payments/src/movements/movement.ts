import type { MovementKind, MovementStatus, MovementView } from '@platform/contracts';

/** A row of `movements` as read back (numeric columns as text: exact). */
export interface MovementRow {
  id: string;
  kind: MovementKind;
  external_user_id: string | null;
  request_id: string | null;
  request_hash: string | null;
  status: MovementStatus;
  amount: string;
  currency: string;
  amount_to: string | null;
  currency_to: string | null;
  fee: string | null;
  fee_currency: string | null;
  p100_id: string | null;
  p100_status: string | null;
  counterparty: string | null;
  transaction_hash: string | null;
  url: string | null;
  lock_id: string | null;
  failure_code: string | null;
  failure_reason: string | null;
  created_at: Date;
  updated_at: Date;
  settled_at: Date | null;
  checks: number;
}

export const MOVEMENT_COLUMNS = `id, kind, external_user_id, request_id, request_hash, status, amount::text AS amount, currency,
  amount_to::text AS amount_to, currency_to, fee::text AS fee, fee_currency, p100_id, p100_status, counterparty, transaction_hash,
  url, lock_id, failure_code, failure_reason, created_at, updated_at, settled_at, checks`;

export function toMovementView(row: MovementRow): MovementView {
  return {
    movementId: row.id,
    kind: row.kind,
    externalUserId: row.external_user_id,
    status: row.status,
    amount: row.amount,
    currency: row.currency,
    amountTo: row.amount_to,
    currencyTo: row.currency_to,
    fee: row.fee,
    feeCurrency: row.fee_currency,
    p100Id: row.p100_id,
    p100Status: row.p100_status,
    counterparty: row.counterparty,
    transactionHash: row.transaction_hash,
    url: row.url,
    failureCode: row.failure_code,
    failureReason: row.failure_reason,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    settledAt: row.settled_at?.toISOString() ?? null,
  };
}

/**
 * Whose balance a command moves: its user, or the partner's own (null). Partner commands are the
 * user ones without `externalUserId` (strict schemas), so the owner follows from the command.
 */
export const ownerOf = (command: object): string | null =>
  'externalUserId' in command && typeof command.externalUserId === 'string' ? command.externalUserId : null;

/** The ledger account of a movement's owner: the user, or the partner's own balances. */
export const accountOf = (externalUserId: string | null) => (externalUserId === null ? PARTNER_ACCOUNT : `user:${externalUserId}`);
export const PARTNER_ACCOUNT = 'partner';
