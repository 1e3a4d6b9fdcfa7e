import type { ContractOperation } from './openapi-document';

/**
 * Finds which contract operation a concrete request is (`GET /v1/user/balances/abc` →
 * getUserBalances) by matching path templates segment by segment. Where two templates match
 * (`/v1/exchange/get-rate` and a `/v1/exchange/{id}`), the one with more literal segments wins,
 * as in every HTTP router.
 */
export function createOperationMatcher(operations: readonly ContractOperation[]) {
  const compiled = operations.map((op) => {
    const segments = op.path.split('/');
    return { op, segments, literals: segments.filter((s) => !isParam(s)).length };
  });
  return (method: string, urlPath: string): ContractOperation | undefined => {
    const actual = urlPath.split('?')[0].split('/');
    const candidates = compiled.filter(
      (c) =>
        c.op.method === method.toUpperCase() &&
        c.segments.length === actual.length &&
        c.segments.every((segment, i) => isParam(segment) ? actual[i] !== '' : segment === actual[i]),
    );
    candidates.sort((a, b) => b.literals - a.literals);
    return candidates[0]?.op;
  };
}

/** `{name}` (OpenAPI) or `:name` (Nest, Fastify) both become `{}`, so templates compare by shape. */
export function normalizeTemplate(path: string): string {
  return path
    .split('/')
    .map((s) => (isParam(s) ? '{}' : s))
    .join('/')
    .replace(/\/+$/, '');
}

function isParam(segment: string): boolean {
  return /^\{[^}]+\}$/.test(segment) || /^:[A-Za-z_][A-Za-z0-9_]*$/.test(segment);
}
