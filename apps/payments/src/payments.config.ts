import { z } from 'zod';
import { ConfigError, loadConfig, port, serviceEnv } from '@platform/config';
import { TIMEOUT_DEFAULTS, timeoutBudgetProblems } from '@platform/contracts';
import { p100ConfigFromEnv, P100_DEFAULTS, type P100ClientConfig } from '@platform/p100-client';

const ms = (fallback: number) => z.coerce.number().int().positive().default(fallback);

export const paymentsEnv = serviceEnv.extend({
  PORT: port(3002),
  /** The gateway's wait for a reply: P100 attempts must fit inside it (docs/timeouts.md). */
  GATEWAY_COMMAND_TIMEOUT_MS: ms(TIMEOUT_DEFAULTS.gatewayCommandMs),
  /** Reconciliation poller (docs/payments.md): how long a movement waits for its webhook before P100 is asked. */
  PAYMENTS_POLL_AFTER_MS: ms(30_000),
  /** Pause between poller passes. */
  PAYMENTS_POLL_INTERVAL_MS: ms(5_000),
  /** Backoff cap between two looks at one movement. */
  PAYMENTS_POLL_MAX_INTERVAL_MS: ms(600_000),
  /** A movement open longer than this raises payments_movements_overdue (alert). */
  PAYMENTS_POLL_MAX_AGE_MS: ms(24 * 3_600_000),
  /** A movement still REQUESTED after this lost its call (a crash): it becomes UNKNOWN, never re-sent. */
  PAYMENTS_REQUEST_STALE_AFTER_MS: ms(60_000),
  /**
   * An UNKNOWN movement that no webhook claimed for this long is taken as never executed by P100
   * (FAILED, NO_TRACE_AT_P100; the pending amount released). Longer than P100's processing plus
   * its whole webhook retry schedule; a late P100 execution would still show as drift in the
   * ledger reconciliation.
   */
  PAYMENTS_UNKNOWN_NO_TRACE_AFTER_MS: ms(6 * 3_600_000),
  /** Pause between runs of the ledger reconciliation job (shadow ledger vs P100's balances). */
  PAYMENTS_RECONCILE_INTERVAL_MS: ms(600_000),
  /** A rate lock this close to its expiry is refused as expired: the call to P100 needs the time. */
  PAYMENTS_RATE_LOCK_MARGIN_MS: z.coerce.number().int().min(0).default(2_000),
});
export const PAYMENTS_CONFIG = Symbol('PAYMENTS_CONFIG');
export type PaymentsConfig = z.infer<typeof paymentsEnv> & { p100: P100ClientConfig };

export function loadPaymentsConfig(env: NodeJS.ProcessEnv = process.env): PaymentsConfig {
  const config = { ...loadConfig(paymentsEnv, env), p100: p100ConfigFromEnv(env) };
  const problems = timeoutBudgetProblems({
    gatewayCommandMs: config.GATEWAY_COMMAND_TIMEOUT_MS,
    p100AttemptMs: config.p100.timeoutMs ?? P100_DEFAULTS.timeoutMs,
    reconcilePendingAfterMs: config.PAYMENTS_REQUEST_STALE_AFTER_MS,
  });
  if (problems.length) throw new ConfigError(problems);
  return config;
}
