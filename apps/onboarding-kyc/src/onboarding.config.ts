import { z } from 'zod';
import { loadConfig, port, serviceEnv } from '@platform/config';
import { p100ConfigFromEnv, type P100ClientConfig } from '@platform/p100-client';

export const onboardingEnv = serviceEnv.extend({ PORT: port(3001) });
export type OnboardingConfig = z.infer<typeof onboardingEnv> & { p100: P100ClientConfig };

export function loadOnboardingConfig(env: NodeJS.ProcessEnv = process.env): OnboardingConfig {
  return { ...loadConfig(onboardingEnv, env), p100: p100ConfigFromEnv(env) };
}
