import type { MovementStatus } from '@platform/contracts';
import { decimalField, p100FailureReason, p100Status, type P100Record } from '../movements/p100-record';

/** Exchange statuses in every spelling the docs use (errors-and-limits.md). */
const STATUSES: Record<string, MovementStatus> = { PENDING: 'PENDING', COMPLETED: 'COMPLETED', SUCCESSFUL: 'COMPLETED', FAILED: 'FAILED' };

/** An exchange as the Exchange webhook or Get Exchange Details tells it (same inferred shape). */
export function exchangeRecord(body: Record<string, unknown>): P100Record | undefined {
  const p100Id = (body['exchangeId'] ?? body['id']) as string | undefined;
  const status = typeof body['status'] === 'string' ? p100Status(body['status'], STATUSES) : undefined;
  if (!p100Id || !status) return undefined;
  const currencyTo = typeof body['currencyTo'] === 'string' ? body['currencyTo'].toLowerCase() : undefined;
  return {
    p100Id,
    p100Status: body['status'] as string,
    status,
    amount: decimalField(body['amount']),
    currency: typeof body['currencyFrom'] === 'string' ? body['currencyFrom'].toLowerCase() : undefined,
    // amountTo is net of P100's fee, which is charged in the target currency.
    amountTo: status === 'COMPLETED' ? decimalField(body['amountTo']) : undefined,
    currencyTo,
    fee: decimalField(body['fee']),
    feeCurrency: currencyTo,
    failureReason: p100FailureReason(body['error']),
    externalUserId: (body['externalUserId'] as string | null | undefined) ?? undefined,
  };
}
