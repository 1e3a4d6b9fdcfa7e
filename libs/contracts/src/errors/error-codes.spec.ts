import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { ERROR_CODES, GRPC_STATUS, grpcStatusForCode, statusForCode } from './error-codes';

const root = path.resolve(__dirname, '../../../..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (name === 'node_modules' || name === 'generated') return [];
    if (statSync(full).isDirectory()) return sources(full);
    return full.endsWith('.ts') && !full.endsWith('.spec.ts') ? [full] : [];
  });
}

describe('ERROR_CODES: one table of HTTP and gRPC statuses', () => {
  it.each([
    ['VALIDATION_FAILED', 400, 'INVALID_ARGUMENT'],
    ['UNAUTHENTICATED', 401, 'UNAUTHENTICATED'],
    ['PERMISSION_DENIED', 403, 'PERMISSION_DENIED'],
    ['NOT_FOUND', 404, 'NOT_FOUND'],
    ['USER_NOT_FOUND', 404, 'NOT_FOUND'],
    ['USER_ALREADY_EXISTS', 409, 'ALREADY_EXISTS'],
    ['IDEMPOTENCY_KEY_REUSED', 422, 'FAILED_PRECONDITION'],
    ['IDEMPOTENCY_REQUEST_IN_PROGRESS', 409, 'ABORTED'],
    ['IDEMPOTENCY_KEY_REQUIRED', 400, 'INVALID_ARGUMENT'],
    ['RATE_LIMITED', 429, 'RESOURCE_EXHAUSTED'],
    ['P100_UNAVAILABLE', 503, 'UNAVAILABLE'],
    ['UPSTREAM_TIMEOUT', 504, 'DEADLINE_EXCEEDED'],
    ['DEADLINE_EXCEEDED', 504, 'DEADLINE_EXCEEDED'],
    ['INTERNAL', 500, 'INTERNAL'],
  ] as const)('%s → HTTP %i, gRPC %s', (code, http, grpc) => {
    expect(statusForCode(code)).toBe(http);
    expect(grpcStatusForCode(code)).toBe(GRPC_STATUS[grpc]);
  });

  it('maps every code to a 4xx/5xx and to a gRPC status other than OK and UNKNOWN', () => {
    for (const [code, { http, grpc }] of Object.entries(ERROR_CODES)) {
      expect([code, http >= 400 && http < 600]).toEqual([code, true]);
      expect([code, grpc]).not.toEqual([code, 'UNKNOWN']);
      expect([code, grpc]).not.toEqual([code, 'OK']);
    }
  });

  it('answers a code missing from the table as 500 / INTERNAL, never gRPC UNKNOWN', () => {
    expect(statusForCode('NO_SUCH_CODE')).toBe(500);
    expect(grpcStatusForCode('NO_SUCH_CODE')).toBe(GRPC_STATUS.INTERNAL);
  });

  it('lists every code the platform raises (new DomainError(...) in apps/ and libs/)', () => {
    const raised = new Set<string>();
    for (const file of [...sources(path.join(root, 'apps')), ...sources(path.join(root, 'libs'))]) {
      for (const m of readFileSync(file, 'utf8').matchAll(/new DomainError\(\s*'([A-Z0-9_]+)'/g)) raised.add(m[1]!);
    }
    expect(raised.size).toBeGreaterThan(5);
    expect([...raised].filter((code) => !(code in ERROR_CODES))).toEqual([]);
  });
});
