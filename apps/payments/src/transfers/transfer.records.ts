import type { MovementKind, MovementStatus } from '@platform/contracts';
import { decimalField, p100FailureReason, p100Status, type P100Record } from '../movements/p100-record';

const STATUSES: Record<string, MovementStatus> = { PENDING: 'PENDING', SUCCESSFUL: 'COMPLETED', COMPLETED: 'COMPLETED', FAILED: 'FAILED' };

export const TRANSFER_KINDS: readonly MovementKind[] = ['transfer-to-partner', 'transfer-from-partner'];

/** An internal transfer from the Internal Transfer webhook or Get Transfer Details (same documented shape). */
export function transferRecord(body: Record<string, unknown>): P100Record | undefined {
  const p100Id = body['id'] as string | undefined;
  const status = typeof body['status'] === 'string' ? p100Status(body['status'], STATUSES) : undefined;
  if (!p100Id || !status) return undefined;
  return {
    p100Id,
    p100Status: body['status'] as string,
    status,
    amount: decimalField(body['amount']),
    currency: typeof body['currency'] === 'string' ? body['currency'].toLowerCase() : undefined,
    failureReason: p100FailureReason(body['error']),
    externalUserId: ((body['sourceExternalUserId'] ?? body['destinationExternalUserId']) as string | null | undefined) ?? null,
  };
}

/** Which of our kinds a P100 transfer is: the user is its source (to the partner) or its destination. */
export function transferKindOf(body: Record<string, unknown>): MovementKind | undefined {
  if (typeof body['sourceExternalUserId'] === 'string') return 'transfer-to-partner';
  if (typeof body['destinationExternalUserId'] === 'string') return 'transfer-from-partner';
  return undefined;
}
