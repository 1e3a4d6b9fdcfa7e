/**
 * A business error with a stable code. Domain services raise these; only the edges (gateway
 * HTTP/gRPC, webhook-ingest HTTP) map a code to a status, through `ERROR_STATUS`.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/** Stable platform error codes and the HTTP status the edge answers with. */
export const ERROR_STATUS = {
  VALIDATION_FAILED: 400,
  MALFORMED_JSON: 400,
  MALFORMED_MULTIPART: 400,
  UNKNOWN_COUNTRY: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  USER_NOT_FOUND: 404,
  USER_ALREADY_EXISTS: 409,
  IDEMPOTENCY_KEY_REUSED: 422,
  IDEMPOTENCY_REQUEST_IN_PROGRESS: 409,
  USER_NOT_ACTIVE: 409,
  KYC_FILE_REJECTED: 400,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  P100_REJECTED: 422,
  P100_UNAVAILABLE: 503,
  // Our own dependency is down (e.g. the service is not ready yet), as opposed to P100.
  SERVICE_UNAVAILABLE: 503,
  UPSTREAM_TIMEOUT: 504,
  INTERNAL: 500,
} as const satisfies Record<string, number>;

export type ErrorCode = keyof typeof ERROR_STATUS;

export function statusForCode(code: string): number {
  return (ERROR_STATUS as Record<string, number>)[code] ?? 500;
}
