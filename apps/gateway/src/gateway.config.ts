import { z } from 'zod';
import { ConfigError, loadConfig, port, serviceEnv } from '@platform/config';
import { TIMEOUT_DEFAULTS } from '@platform/contracts';
import { clientsSchema, readClientsSource, type ClientCredentials } from './access/client-credentials.config';

export const gatewayEnv = serviceEnv.extend({
  PORT: port(3000),
  GRPC_PORT: port(50051),
  /** The product services, their key digests and scopes (JSON); or GATEWAY_CLIENTS_FILE. */
  GATEWAY_CLIENTS: z.string().optional(),
  GATEWAY_CLIENTS_FILE: z.string().optional(),
  /** Rate limit of a client that sets none of its own: calls per second, and the burst allowed. */
  GATEWAY_RATE_LIMIT_PER_SECOND: z.coerce.number().positive().default(100),
  GATEWAY_RATE_LIMIT_BURST: z.coerce.number().int().positive().default(200),
  /** How long the gateway waits for a domain reply; the commands' deadline (docs/timeouts.md). */
  GATEWAY_COMMAND_TIMEOUT_MS: z.coerce.number().int().positive().default(TIMEOUT_DEFAULTS.gatewayCommandMs),
  /** The cards service's HTTP address, for its secure lane (commands holding card secrets; docs/cards.md). */
  CARDS_LANE_URL: z.url().default('http://127.0.0.1:3003'),
  /** Shared with the cards service; without it card creation, reveal and PIN changes are refused. */
  CARDS_LANE_TOKEN: z.string().min(32, 'must be at least 32 characters').optional(),
});

export type GatewayConfig = z.infer<typeof gatewayEnv> & { clients: ClientCredentials[] };
export const GATEWAY_CONFIG = Symbol('GATEWAY_CONFIG');

export function loadGatewayConfig(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  const base = loadConfig(gatewayEnv, env);
  let source: unknown;
  try {
    source = readClientsSource(base);
  } catch (error) {
    throw new ConfigError([(error as Error).message]);
  }
  const clients = clientsSchema.safeParse(source);
  if (!clients.success) {
    throw new ConfigError(clients.error.issues.map((i) => `GATEWAY_CLIENTS[${i.path.join('.')}]: ${i.message}`));
  }
  return { ...base, clients: clients.data };
}
