import { loadSync } from '@grpc/proto-loader';
import { z } from 'zod';
import { PLATFORM_GRPC_PACKAGE, PLATFORM_PROTO_FILES, PROTO_ROOT } from '@platform/contracts';
import { SCOPES } from '../access/scopes';
import { GATEWAY_COMMAND_TOPICS } from '../messaging/command-bus.provider';
import { recordingBus } from '../test-support/recording-bus';
import { OPERATIONS } from './operation-table';

/** Every rpc of the platform's .proto files, as `Service/Method`. */
function protoMethods(): string[] {
  const definition = loadSync(PLATFORM_PROTO_FILES, { includeDirs: [PROTO_ROOT] });
  return Object.entries(definition)
    .filter(([name, d]) => name.startsWith(`${PLATFORM_GRPC_PACKAGE}.`) && !('format' in d) && !('type' in d))
    .flatMap(([name, service]) => Object.keys(service).map((method) => `${name.slice(PLATFORM_GRPC_PACKAGE.length + 1)}/${method}`))
    .sort();
}

describe('the operation table: REST and gRPC cannot drift apart', () => {
  it('serves every rpc of the .proto files, and each exactly once', () => {
    expect(OPERATIONS.map((op) => `${op.grpc.service}/${op.grpc.method}`).sort()).toEqual(protoMethods());
  });

  it('gives every operation one REST route of its own', () => {
    const routes = OPERATIONS.map((op) => `${op.rest.method} ${op.rest.path}`);
    expect(new Set(routes).size).toBe(routes.length);
    for (const op of OPERATIONS) expect(op.rest.path).toMatch(/^\/v\d+\//);
  });

  it('names each operation once, with a known scope of its own domain', () => {
    expect(new Set(OPERATIONS.map((op) => op.name)).size).toBe(OPERATIONS.length);
    for (const op of OPERATIONS) {
      expect(SCOPES).toContain(op.scope);
      expect(op.scope.split(':')[0]).toBe(op.name.split('.')[0]);
    }
  });

  it('never asks a read for an Idempotency-Key and lets every write take one', () => {
    for (const op of OPERATIONS) {
      const read = op.rest.method === 'GET';
      expect([op.name, op.idempotency === 'none']).toEqual([op.name, read]);
      expect([op.name, op.scope.endsWith(':read')]).toEqual([op.name, read]);
    }
  });

  it('declares path parameters that the input schema has', () => {
    for (const op of OPERATIONS) {
      const inPath = [...op.rest.path.matchAll(/:([A-Za-z0-9_]+)/g)].map((m) => m[1]);
      expect(Object.keys(op.rest.params ?? {}).sort()).toEqual(inPath.sort());
      expect([op.name, inPath.filter((name) => !(name! in inputFields(op)))]).toEqual([op.name, []]);
    }
  });

  it('declares query parameters that the input schema has, none of them also in the path', () => {
    for (const op of OPERATIONS) {
      const query = Object.keys(op.rest.query ?? {});
      expect([op.name, query.filter((name) => !(name in inputFields(op)) || name in (op.rest.params ?? {}))]).toEqual([op.name, []]);
    }
  });
});

describe('the operation table: what reaches the bus', () => {
  const input = { externalUserId: 'jan-0001', movementId: '0b3f5c1e-8a5d-4e43-9a38-6f1d2c7b9e10', currency: 'btc' };
  const send = async (op: (typeof OPERATIONS)[number], idempotencyKey?: string) => {
    const { bus, sent } = recordingBus();
    await op.handler(input, { caller: 'payouts', timeoutMs: 1_000, idempotencyKey }, { bus });
    expect(sent).toHaveLength(1);
    return sent[0]!;
  };

  it('sends every command to a topic whose replies the gateway listens on', async () => {
    for (const op of OPERATIONS) {
      const { topic } = await send(op, 'k-1');
      expect([op.name, topic, GATEWAY_COMMAND_TOPICS.includes(topic)]).toEqual([op.name, topic, true]);
    }
  });

  it('gives every money movement (Idempotency-Key required) the caller-scoped requestId, and nothing else one', async () => {
    for (const op of OPERATIONS) {
      const { payload } = await send(op, 'k-1');
      const requestId = (payload as { requestId?: string }).requestId;
      expect([op.name, requestId]).toEqual([op.name, op.idempotency === 'required' ? 'payouts:k-1' : undefined]);
    }
  });
});

/** The top-level fields of an operation's input schema (all of them are strict objects). */
function inputFields(op: (typeof OPERATIONS)[number]): Record<string, unknown> {
  return ((z.toJSONSchema(op.input, { io: 'input', unrepresentable: 'any' }) as { properties?: Record<string, unknown> }).properties ?? {});
}
