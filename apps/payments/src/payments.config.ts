import { z } from 'zod';
import { loadConfig, port, serviceEnv } from '@platform/config';

export const paymentsEnv = serviceEnv.extend({ PORT: port(3002) });
export type PaymentsConfig = z.infer<typeof paymentsEnv>;

export function loadPaymentsConfig(env: NodeJS.ProcessEnv = process.env): PaymentsConfig {
  return loadConfig(paymentsEnv, env);
}
