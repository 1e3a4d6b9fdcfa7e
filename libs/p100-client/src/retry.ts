import type { ResolvedP100Config } from './config';
import { P100CircuitOpenError, P100Error, P100NetworkError, P100RateLimitedError, P100TimeoutError } from './errors';
import type { RetryReason } from './metrics';

export interface RetryContext {
  /** The attempt that just failed, starting at 1. */
  attempt: number;
  /** GETs, or calls the caller declared safe to repeat. */
  idempotent: boolean;
  retry: ResolvedP100Config['retry'];
  random: () => number;
}

export interface RetryDecision {
  reason: RetryReason;
  delayMs: number;
}

/**
 * When a failed call may be sent again. Money-moving POSTs are never repeated blindly: a POST is
 * retried only when it provably never reached P100 (connection refused, DNS) or when P100 refused
 * it with 429 before processing it. Everything else is retried only for idempotent calls.
 */
export function retryDecision(error: unknown, ctx: RetryContext): RetryDecision | undefined {
  if (ctx.attempt >= ctx.retry.maxAttempts || !(error instanceof P100Error)) return undefined;
  if (error instanceof P100CircuitOpenError) return undefined;
  const backoff = backoffDelay(ctx.attempt, ctx.retry.baseDelayMs, ctx.random);

  if (error instanceof P100RateLimitedError) {
    const wait = error.retryAfterMs ?? backoff;
    return wait <= ctx.retry.maxRetryAfterMs ? { reason: 'rate_limited', delayMs: wait } : undefined;
  }
  if (error instanceof P100NetworkError && !error.reachedServer) return { reason: 'connection_refused', delayMs: backoff };
  if (!ctx.idempotent) return undefined;
  if (error instanceof P100TimeoutError) return { reason: 'timeout', delayMs: backoff };
  if (error instanceof P100NetworkError) return { reason: 'network_error', delayMs: backoff };
  if (error.isOutage) return { reason: 'outage', delayMs: backoff };
  return undefined;
}

/** Exponential backoff with "equal jitter": half of the step is fixed, half random. */
export function backoffDelay(attempt: number, baseDelayMs: number, random: () => number): number {
  const step = baseDelayMs * 2 ** (attempt - 1);
  return Math.round(step / 2 + random() * (step / 2));
}

/** Retry-After as delta-seconds or an HTTP date, in milliseconds from `now`. */
export function parseRetryAfter(header: string | null | undefined, now: number): number | undefined {
  if (!header) return undefined;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
