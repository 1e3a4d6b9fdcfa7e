import { z } from 'zod';
import { ConfigError, loadConfig, port, serviceEnv, intentReconcileEnv } from '@platform/config';
import { TIMEOUT_DEFAULTS, timeoutBudgetProblems } from '@platform/contracts';
import { p100ConfigFromEnv, P100_DEFAULTS, type P100ClientConfig } from '@platform/p100-client';

export const onboardingEnv = serviceEnv.extend({
  PORT: port(3001),
  /** The gateway's wait for a reply: P100 attempts must fit inside it (docs/timeouts.md). */
  GATEWAY_COMMAND_TIMEOUT_MS: z.coerce.number().int().positive().default(TIMEOUT_DEFAULTS.gatewayCommandMs),
  /** The intent reconciler (docs/timeouts.md). */
  ...intentReconcileEnv,
});
export const ONBOARDING_CONFIG = Symbol('ONBOARDING_CONFIG');
export type OnboardingConfig = z.infer<typeof onboardingEnv> & { p100: P100ClientConfig };

export function loadOnboardingConfig(env: NodeJS.ProcessEnv = process.env): OnboardingConfig {
  const config = { ...loadConfig(onboardingEnv, env), p100: p100ConfigFromEnv(env) };
  const problems = timeoutBudgetProblems({
    gatewayCommandMs: config.GATEWAY_COMMAND_TIMEOUT_MS,
    p100AttemptMs: config.p100.timeoutMs ?? P100_DEFAULTS.timeoutMs,
    reconcilePendingAfterMs: config.INTENT_RECONCILE_PENDING_AFTER_MS,
  });
  if (problems.length) throw new ConfigError(problems);
  return config;
}
