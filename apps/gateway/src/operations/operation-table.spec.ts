import { loadSync } from '@grpc/proto-loader';
import { PLATFORM_GRPC_PACKAGE, PLATFORM_PROTO_FILES, PROTO_ROOT } from '@platform/contracts';
import { SCOPES } from '../access/scopes';
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
    }
  });
});
