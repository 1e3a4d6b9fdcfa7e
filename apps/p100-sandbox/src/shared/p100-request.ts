/**
 * What the sandbox remembers about one P100 request for its metrics: the operation (set by the
 * API-key guard, which runs first on every P100 route) and the P100 error code it ended with.
 * Keyed weakly by the request object, so nothing outlives the request.
 */
const operations = new WeakMap<object, string>();
const errorCodes = new WeakMap<object, string>();

/** P100's own API lives under /v1; everything else (/admin, /health, /metrics, /docs) is ours. */
export function isP100Path(url: string): boolean {
  return url === '/v1' || url.startsWith('/v1/') || url.startsWith('/v1?');
}

export function markOperation(request: object, operation: string): void {
  operations.set(request, operation);
}

export function operationOf(request: object): string | undefined {
  return operations.get(request);
}

export function markErrorCode(request: object, code: string): void {
  errorCodes.set(request, code);
}

export function errorCodeOf(request: object): string | undefined {
  return errorCodes.get(request);
}
