/**
 * The timeouts of the hops of one call, chosen together (docs/timeouts.md):
 *
 *   caller deadline (gRPC) ─▶ gateway waits ≤ GATEWAY_COMMAND_TIMEOUT_MS ─▶ command deadline
 *     ─▶ domain service: not started past it ─▶ each P100 attempt ≤ min(P100_TIMEOUT_MS, time left)
 *
 * A P100 attempt must fit inside the gateway's wait with room for the hops around it; otherwise
 * every slow P100 answer arrives after the caller was told "timeout", and the outcome is unknown
 * to them although we learn it.
 */
export const TIMEOUT_DEFAULTS = {
  gatewayCommandMs: 15_000,
  p100AttemptMs: 10_000,
} as const;

/** Kafka both ways, the database and the handler around the P100 call. */
export const HOP_MARGIN_MS = 1_000;

/**
 * Problems with a set of timeouts, naming the variables to change; empty when they fit. With
 * `reconcilePendingAfterMs`, also that the reconciler leaves a pending intent alone while its
 * call may still be under way (until the gateway's wait is over).
 */
export function timeoutBudgetProblems(budget: { gatewayCommandMs: number; p100AttemptMs: number; reconcilePendingAfterMs?: number }): string[] {
  const problems: string[] = [];
  if (budget.p100AttemptMs + HOP_MARGIN_MS > budget.gatewayCommandMs) {
    problems.push(
      `P100_TIMEOUT_MS (${budget.p100AttemptMs}) + ${HOP_MARGIN_MS} ms for the hops must not exceed GATEWAY_COMMAND_TIMEOUT_MS (${budget.gatewayCommandMs}): ` +
        'the gateway would give up before P100 answers. Lower P100_TIMEOUT_MS or raise GATEWAY_COMMAND_TIMEOUT_MS (docs/timeouts.md).',
    );
  }
  if (budget.reconcilePendingAfterMs !== undefined && budget.reconcilePendingAfterMs <= budget.gatewayCommandMs) {
    problems.push(
      `INTENT_RECONCILE_PENDING_AFTER_MS (${budget.reconcilePendingAfterMs}) must exceed GATEWAY_COMMAND_TIMEOUT_MS (${budget.gatewayCommandMs}): ` +
        'a pending intent may still have its P100 call under way.',
    );
  }
  return problems;
}

/**
 * A domain service stops working on a command this long before its deadline, so that its reply
 * (Kafka to the gateway) still arrives while the gateway waits.
 */
export const REPLY_MARGIN_MS = 200;

/** The gateway answers a caller this long before the caller's own deadline (gRPC), for the same reason. */
export const CALLER_MARGIN_MS = 50;
