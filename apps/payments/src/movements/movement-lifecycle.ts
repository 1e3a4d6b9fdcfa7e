import { FINAL_MOVEMENT_STATUSES, type MovementStatus } from '@platform/contracts';

/**
 * Statuses only move forward (docs/payments.md has the diagram). Webhooks, the poller and the
 * request's own answer race, and arrive out of order: a PENDING answer after a COMPLETED webhook
 * must change nothing. UNKNOWN sits below PENDING: learning P100's id resolves it.
 */
const RANK: Record<MovementStatus, number> = {
  REQUESTED: 0,
  UNKNOWN: 1,
  PENDING: 2,
  HELD: 3,
  PROCESSING: 4,
  COMPLETED: 5,
  FAILED: 5,
};

export function movesForward(from: MovementStatus, to: MovementStatus): boolean {
  return RANK[to] > RANK[from];
}

export const isFinal = (status: MovementStatus) => FINAL_MOVEMENT_STATUSES.includes(status);
