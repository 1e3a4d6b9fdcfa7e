import { createHash } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { freePort, GrpcTestClient, testEnv } from '@platform/testing';
import { loadGatewayConfig } from '../src/gateway.config';
import { startGateway } from '../src/main';

/** Keys of the gateway under test; the config holds only their digests, as in production. */
export const KEYS = {
  writer: 'gw-test-writer-key-0000000001',
  writerNext: 'gw-test-writer-key-0000000002',
  reader: 'gw-test-reader-key-0000000001',
  limited: 'gw-test-limited-key-000000001',
  removed: 'gw-test-removed-key-000000001',
  payer: 'gw-test-payer-key-00000000001',
};

const sha256 = (key: string) => createHash('sha256').update(key).digest('hex');

/**
 * `writer` is rotating from key 1 to key 2 (both active). `limited` may call twice, then once per
 * 20 s: far slower than any test runs, so its third call is refused however slow the machine.
 * `payer` holds the payments scopes only.
 */
export const TEST_CLIENTS = [
  { name: 'writer', keys: [{ id: 'k1', sha256: sha256(KEYS.writer) }, { id: 'k2', sha256: sha256(KEYS.writerNext) }], scopes: ['users:read', 'users:write'] },
  { name: 'reader', keys: [{ id: 'k1', sha256: sha256(KEYS.reader) }], scopes: ['users:read'] },
  { name: 'limited', keys: [{ id: 'k1', sha256: sha256(KEYS.limited) }], scopes: ['users:read'], rateLimit: { perSecond: 0.05, burst: 2 } },
  { name: 'payer', keys: [{ id: 'k1', sha256: sha256(KEYS.payer) }], scopes: ['payments:read', 'payments:write'] },
];

export interface GatewayUnderTest {
  app: INestApplication;
  url: string;
  grpc: GrpcTestClient;
  grpcAddress: string;
  close(): Promise<void>;
}

/**
 * The real gateway in this process on real Postgres and Kafka. No domain service answers its
 * commands here: an admitted, valid call ends in UPSTREAM_TIMEOUT after `commandTimeoutMs`.
 */
export async function startTestGateway(env: Record<string, string> = {}, clients: unknown = TEST_CLIENTS): Promise<GatewayUnderTest> {
  const infra = testEnv();
  const grpcPort = await freePort();
  const app = await startGateway(
    loadGatewayConfig({
      DATABASE_URL: infra.databaseUrl,
      KAFKA_BROKERS: infra.kafkaBrokers.join(','),
      KAFKA_DEV_BROKER: String(infra.devBroker),
      GATEWAY_CLIENTS: JSON.stringify(clients),
      GATEWAY_COMMAND_TIMEOUT_MS: '300',
      LOG_LEVEL: 'silent',
      PORT: '0',
      GRPC_PORT: String(grpcPort),
      HOST: '127.0.0.1',
      ...env,
    }),
  );
  const grpcAddress = `127.0.0.1:${grpcPort}`;
  const grpc = new GrpcTestClient(grpcAddress);
  return {
    app,
    url: String(await app.getUrl()),
    grpc,
    grpcAddress,
    close: async () => {
      grpc.close();
      await app.close();
    },
  };
}
