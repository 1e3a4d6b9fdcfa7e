import { loadSync } from '@grpc/proto-loader';
import { z } from 'zod';
import { CardsCommands, PLATFORM_GRPC_PACKAGE, PLATFORM_PROTO_FILES, PROTO_ROOT } from '@platform/contracts';
import { SCOPES } from '../access/scopes';
import { GATEWAY_COMMAND_TOPICS } from '../messaging/command-bus.provider';
import { SECURE_LANE, recordingBus } from '../test-support/recording-bus';
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

  it('never asks a read for an Idempotency-Key and lets every write take one, except those that may keep nothing', () => {
    for (const op of OPERATIONS) {
      const read = op.rest.method === 'GET';
      expect([op.name, op.idempotency === 'none']).toEqual([op.name, read || op.noStore === true]);
      // Reading a card's number is a read of its own scope, apart from cards:read.
      expect([op.name, op.scope.endsWith(':read') || op.scope === 'cards:reveal']).toEqual([op.name, read]);
    }
  });

  it('keeps card secrets out of every store: an answer with a card number is no-store, revealed with cards:reveal only', () => {
    const answersSecrets = (op: (typeof OPERATIONS)[number]) => 'cardNumber' in outputFields(op) || 'cvv' in outputFields(op);
    const revealing = OPERATIONS.filter(answersSecrets);
    expect(revealing.map((op) => op.name)).toEqual(['cards.reveal']);
    for (const op of revealing) expect([op.name, op.noStore, op.scope]).toEqual([op.name, true, 'cards:reveal']);
    for (const op of OPERATIONS.filter((o) => o.scope === 'cards:reveal')) expect(answersSecrets(op)).toBe(true);
  });

  it('leaves the PIN out of the idempotency fingerprint of every operation that takes one', () => {
    for (const op of OPERATIONS.filter((o) => 'pin' in inputFields(o) && o.idempotency !== 'none')) {
      expect([op.name, op.fingerprint?.({ externalUserId: 'jan-0001', label: 'Travel', pin: '1234' })]).toEqual([op.name, { externalUserId: 'jan-0001', label: 'Travel' }]);
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
    const { deps, sent } = recordingBus();
    await op.handler(input, { caller: 'payouts', timeoutMs: 1_000, idempotencyKey }, deps);
    expect(sent).toHaveLength(1);
    return sent[0]!;
  };

  it('sends every command to a topic whose replies the gateway listens on, or on the secure lane if its contract says so', async () => {
    const secureTypes = Object.values(CardsCommands).filter((c) => c.lane === 'secure').map((c) => c.type);
    for (const op of OPERATIONS) {
      const { topic, type } = await send(op, 'k-1');
      const allowed = topic === SECURE_LANE ? secureTypes.includes(type as never) : GATEWAY_COMMAND_TOPICS.includes(topic) && !secureTypes.includes(type as never);
      expect([op.name, topic, allowed]).toEqual([op.name, topic, true]);
    }
  });

  it('sends every operation whose input holds a PIN, or whose answer a card number, on the secure lane', async () => {
    for (const op of OPERATIONS.filter((o) => 'pin' in inputFields(o) || 'cardNumber' in outputFields(o))) {
      expect([op.name, (await send(op, 'k-1')).topic]).toEqual([op.name, SECURE_LANE]);
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

/** The top-level fields of an operation's answer. */
function outputFields(op: (typeof OPERATIONS)[number]): Record<string, unknown> {
  return ((z.toJSONSchema(op.output, { io: 'output', unrepresentable: 'any' }) as { properties?: Record<string, unknown> }).properties ?? {});
}

/** The top-level fields of an operation's input schema (all of them are strict objects). */
function inputFields(op: (typeof OPERATIONS)[number]): Record<string, unknown> {
  return ((z.toJSONSchema(op.input, { io: 'input', unrepresentable: 'any' }) as { properties?: Record<string, unknown> }).properties ?? {});
}
