import type { MovementStatus } from '@platform/contracts';
import { decimalField, p100FailureReason, p100Status, type P100Record } from '../movements/p100-record';

const TRANSFER_STATUSES: Record<string, MovementStatus> = { PENDING: 'PENDING', SUCCESSFUL: 'COMPLETED', FAILED: 'FAILED' };

/** An outgoing SEPA transfer from its webhook (full record on SUCCESSFUL, `{id, status, error}` on FAILED) or its details. */
export function sepaTransferRecord(body: Record<string, unknown>): P100Record | undefined {
  const p100Id = body['id'] as string | undefined;
  const status = typeof body['status'] === 'string' ? p100Status(body['status'], TRANSFER_STATUSES) : undefined;
  if (!p100Id || !status) return undefined;
  return {
    p100Id,
    p100Status: body['status'] as string,
    status,
    amount: decimalField(body['amount']),
    currency: 'eur',
    fee: status === 'COMPLETED' ? decimalField(body['fee']) : undefined,
    feeCurrency: status === 'COMPLETED' ? 'eur' : undefined,
    counterparty: typeof body['destinationIban'] === 'string' ? body['destinationIban'] : undefined,
    failureReason: p100FailureReason(body['error']),
  };
}

/** SEPA Deposit: sent once P100 credited an incoming transfer (APPROVED). */
export function sepaDepositRecord(body: Record<string, unknown>): P100Record | undefined {
  const p100Id = body['id'] as string | undefined;
  const amount = decimalField(body['amount']);
  if (!p100Id || !amount || String(body['status']).toUpperCase() !== 'APPROVED') return undefined;
  return {
    p100Id,
    p100Status: 'APPROVED',
    status: 'COMPLETED',
    amount,
    currency: typeof body['currency'] === 'string' ? body['currency'].toLowerCase() : 'eur',
    counterparty: typeof body['senderIban'] === 'string' ? body['senderIban'] : undefined,
    externalUserId: (body['externalUserId'] as string | undefined) ?? null,
  };
}

/**
 * IBAN Status REJECTED: an incoming transfer refused by the name check (refunded). It carries no
 * deposit id, so the sender IBAN and P100's timestamp name it.
 */
export function rejectedSepaDepositRecord(body: Record<string, unknown>): P100Record | undefined {
  const amount = decimalField(body['amount']);
  if (body['status'] !== 'REJECTED' || typeof body['iban'] !== 'string' || !amount) return undefined;
  return {
    p100Id: `iban-status:${body['iban']}:${String(body['createdAt'] ?? '')}`,
    p100Status: 'REJECTED',
    status: 'FAILED',
    amount,
    currency: typeof body['currency'] === 'string' ? body['currency'].toLowerCase() : 'eur',
    counterparty: body['iban'],
    failureReason: 'Refused by P100\'s first-party check (sender name does not match the account holder); refunded to the sender',
    externalUserId: (body['externalUserId'] as string | undefined) ?? null,
  };
}
