/**
 * P100's webhook retry schedule (webhooks.md): attempt 1 at once, then 8 s, 16 s, 32 s and
 * 64 s after each failure; 5 attempts in all. The sandbox multiplies these by its time scale.
 */
export const WEBHOOK_RETRY_DELAYS_MS = [8_000, 16_000, 32_000, 64_000] as const;
export const WEBHOOK_MAX_ATTEMPTS = WEBHOOK_RETRY_DELAYS_MS.length + 1;
/** P100 gives up on an attempt after 30 s. */
export const WEBHOOK_TIMEOUT_MS = 30_000;

/** Delay (unscaled) before the attempt after `failedAttempt`, or null when none is left. */
export function retryDelayAfter(failedAttempt: number): number | null {
  return failedAttempt >= 1 && failedAttempt < WEBHOOK_MAX_ATTEMPTS ? WEBHOOK_RETRY_DELAYS_MS[failedAttempt - 1]! : null;
}
