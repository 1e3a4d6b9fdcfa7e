import { z } from 'zod';
import { loadConfig, port, serviceEnv } from '@platform/config';

/** `name:key` pairs, comma separated: one API key per calling product service. */
const apiKeys = z
  .string()
  .min(1)
  .transform((raw, ctx) => {
    const entries = raw.split(',').map((pair) => pair.trim()).filter(Boolean).map((pair) => {
      const at = pair.indexOf(':');
      return { name: pair.slice(0, at), key: pair.slice(at + 1) };
    });
    for (const e of entries) {
      if (!e.name || e.key.length < 16) ctx.addIssue({ code: 'custom', message: 'each entry must be name:key with a key of at least 16 characters' });
    }
    return entries;
  });

export const gatewayEnv = serviceEnv.extend({
  PORT: port(3000),
  GATEWAY_API_KEYS: apiKeys,
  GATEWAY_COMMAND_TIMEOUT_MS: z.coerce.number().int().positive().default(15_000),
});
export type GatewayConfig = z.infer<typeof gatewayEnv>;
export const GATEWAY_CONFIG = Symbol('GATEWAY_CONFIG');

export function loadGatewayConfig(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  return loadConfig(gatewayEnv, env);
}
