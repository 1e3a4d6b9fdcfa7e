import type { MovementStatus } from '@platform/contracts';
import { decimalField, p100FailureReason, p100Status, type P100Record } from '../movements/p100-record';

const WITHDRAWAL_STATUSES: Record<string, MovementStatus> = { PENDING: 'PENDING', PROCESSING: 'PROCESSING', SUCCESSFUL: 'COMPLETED', COMPLETED: 'COMPLETED', FAILED: 'FAILED' };

/**
 * A crypto withdrawal from its webhook (`destination`) or its details (`walletAddress`). `fee` is
 * P100's total: the service fee plus the network fee, both taken on top of the amount.
 */
export function cryptoWithdrawalRecord(body: Record<string, unknown>): P100Record | undefined {
  const p100Id = body['id'] as string | undefined;
  const status = typeof body['status'] === 'string' ? p100Status(body['status'], WITHDRAWAL_STATUSES) : undefined;
  if (!p100Id || !status) return undefined;
  const currency = typeof body['currency'] === 'string' ? body['currency'].toLowerCase() : undefined;
  const address = body['destination'] ?? body['walletAddress'];
  return {
    p100Id,
    p100Status: body['status'] as string,
    status,
    amount: decimalField(body['amount']),
    currency,
    fee: decimalField(body['fee']),
    feeCurrency: currency,
    counterparty: typeof address === 'string' ? address : undefined,
    transactionHash: typeof body['transactionHash'] === 'string' ? body['transactionHash'] : undefined,
    failureReason: p100FailureReason(body['error']),
  };
}

const DEPOSIT_STATUSES: Record<string, MovementStatus> = {
  WAITING_FOR_VERIFICATION: 'PENDING',
  WAITING_FOR_TR_DATA: 'HELD',
  SUCCESSFUL: 'COMPLETED',
  UNSUCCESSFUL: 'FAILED',
};

/** An incoming crypto deposit from the Crypto Deposit webhook (documented flat form). */
export function cryptoDepositRecord(body: Record<string, unknown>): P100Record | undefined {
  const p100Id = body['cryptoDepositId'] as string | undefined;
  const status = typeof body['status'] === 'string' ? p100Status(body['status'], DEPOSIT_STATUSES) : undefined;
  const amount = decimalField(body['amount']);
  if (!p100Id || !status || !amount) return undefined;
  return {
    p100Id,
    p100Status: body['status'] as string,
    status,
    amount,
    currency: String(body['currency']).toLowerCase(),
    transactionHash: typeof body['transactionHash'] === 'string' ? body['transactionHash'] : undefined,
    failureReason: status === 'FAILED' ? 'P100 did not accept the deposit (UNSUCCESSFUL)' : null,
    externalUserId: (body['externalUserId'] as string | undefined) ?? null,
  };
}
