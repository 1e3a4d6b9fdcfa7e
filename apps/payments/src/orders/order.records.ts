import type { MovementStatus } from '@platform/contracts';
import { decimalField, p100Status, type P100Record } from '../movements/p100-record';

/**
 * Order statuses (errors-and-limits.md shows the first and WAITING_FOR_CONFIRMATION; the rest as
 * the sandbox names them): waiting for an address or the payment is PENDING, a payment counting
 * its confirmations PROCESSING; UNDERPAID and EXPIRED end it unpaid.
 */
const STATUSES: Record<string, MovementStatus> = {
  WAITING_FOR_WALLET_ADDRESS: 'PENDING',
  WAITING_FOR_PAYMENT: 'PENDING',
  WAITING_FOR_CONFIRMATION: 'PROCESSING',
  COMPLETED: 'COMPLETED',
  UNDERPAID: 'FAILED',
  EXPIRED: 'FAILED',
};

/**
 * An order as the Order status webhook or Get Order Details tells it (the same shape). It names
 * no EUR amount: the settlement is the one its lock fixed, recorded with the movement.
 */
export function orderRecord(body: Record<string, unknown>): P100Record | undefined {
  const p100Id = body['orderId'] as string | undefined;
  const status = typeof body['status'] === 'string' ? p100Status(body['status'], STATUSES) : undefined;
  if (!p100Id || !status) return undefined;
  const word = (body['status'] as string).toUpperCase();
  const currency = typeof body['cryptocurrency'] === 'string' ? body['cryptocurrency'].toLowerCase() : undefined;
  const required = decimalField(body['totalAmountRequired']);
  return {
    p100Id,
    p100Status: body['status'] as string,
    status,
    amount: required,
    currency,
    counterparty: typeof body['walletAddress'] === 'string' ? body['walletAddress'] : undefined,
    transactionHash: typeof body['transactionHash'] === 'string' ? body['transactionHash'] : undefined,
    ...(status === 'FAILED' ? { failureCode: word, failureReason: unpaidReason(word, body, required, currency) } : {}),
    externalUserId: null,
  };
}

/** P100's figures for an unpaid order, in one line. */
function unpaidReason(word: string, body: Record<string, unknown>, required: string | undefined, currency: string | undefined): string {
  if (word === 'UNDERPAID') return `the payer sent ${decimalField(body['receivedAmount']) ?? 'less'} of the ${required ?? '?'} ${currency ?? ''} required`.trim();
  const expiresAt = typeof body['expiresAt'] === 'string' ? ` (${body['expiresAt']})` : '';
  return `no payment arrived before the order's window closed${expiresAt}`;
}
