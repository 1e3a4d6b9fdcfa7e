import type { MovementStatus } from '@platform/contracts';
import { decimalField, p100Status, type P100Record } from '../movements/p100-record';

/** Payment link statuses (not documented; as the sandbox names them): open, paid, or expired unpaid. */
const STATUSES: Record<string, MovementStatus> = { ACTIVE: 'PENDING', PAID: 'COMPLETED', EXPIRED: 'FAILED' };

/** A payment link or hosted checkout from the Payment Link webhook or Get Payment Link Details (details add `url`). */
export function paymentLinkRecord(body: Record<string, unknown>): P100Record | undefined {
  const p100Id = body['paymentLinkId'] as string | undefined;
  const status = typeof body['status'] === 'string' ? p100Status(body['status'], STATUSES) : undefined;
  if (!p100Id || !status) return undefined;
  return {
    p100Id,
    p100Status: body['status'] as string,
    status,
    amount: decimalField(body['amount']),
    currency: typeof body['currency'] === 'string' ? body['currency'].toLowerCase() : undefined,
    url: typeof body['url'] === 'string' ? body['url'] : undefined,
    ...(status === 'FAILED' ? { failureCode: 'EXPIRED', failureReason: 'nobody paid the link before it expired' } : {}),
    externalUserId: null,
  };
}
