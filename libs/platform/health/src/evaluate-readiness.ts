import type { ReadinessCheck, ReadinessRegistry } from './readiness.registry';

/** A readiness check that does not answer within this is "down" (a hung dependency). */
export const CHECK_TIMEOUT_MS = 2_000;

export interface CheckResult {
  name: string;
  up: boolean;
  message?: string;
}

export interface ReadinessReport {
  ready: boolean;
  checks: CheckResult[];
}

/** Runs one check within CHECK_TIMEOUT_MS. */
export async function runCheck(check: ReadinessCheck, timeoutMs = CHECK_TIMEOUT_MS): Promise<CheckResult> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      check.check(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
    return { name: check.name, up: true };
  } catch (error) {
    return { name: check.name, up: false, message: (error as Error).message };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Every registered check, at once: the one definition of "ready" that HTTP /health and the
 * gRPC health service both answer from.
 */
export async function evaluateReadiness(registry: ReadinessRegistry, timeoutMs = CHECK_TIMEOUT_MS): Promise<ReadinessReport> {
  const checks = await Promise.all(registry.list().map((c) => runCheck(c, timeoutMs)));
  return { ready: checks.every((c) => c.up), checks };
}
