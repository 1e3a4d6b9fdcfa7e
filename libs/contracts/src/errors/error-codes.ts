/**
 * gRPC status codes (grpc/doc/statuscodes.md). Numbers are the wire values; kept here so the
 * contracts lib does not depend on a gRPC library.
 */
export const GRPC_STATUS = {
  OK: 0,
  CANCELLED: 1,
  UNKNOWN: 2,
  INVALID_ARGUMENT: 3,
  DEADLINE_EXCEEDED: 4,
  NOT_FOUND: 5,
  ALREADY_EXISTS: 6,
  PERMISSION_DENIED: 7,
  RESOURCE_EXHAUSTED: 8,
  FAILED_PRECONDITION: 9,
  ABORTED: 10,
  OUT_OF_RANGE: 11,
  UNIMPLEMENTED: 12,
  INTERNAL: 13,
  UNAVAILABLE: 14,
  DATA_LOSS: 15,
  UNAUTHENTICATED: 16,
} as const;
export type GrpcStatusName = keyof typeof GRPC_STATUS;

/**
 * Every stable platform error code and what each edge answers with: the one table both the
 * REST filter and the gRPC edge read. A code missing here is a bug; the edges answer it as
 * 500 / INTERNAL (never gRPC UNKNOWN) and the error-codes test lists every code in use.
 */
export const ERROR_CODES = {
  VALIDATION_FAILED: { http: 400, grpc: 'INVALID_ARGUMENT' },
  MALFORMED_JSON: { http: 400, grpc: 'INVALID_ARGUMENT' },
  MALFORMED_MULTIPART: { http: 400, grpc: 'INVALID_ARGUMENT' },
  UNKNOWN_COUNTRY: { http: 400, grpc: 'INVALID_ARGUMENT' },
  KYC_FILE_REJECTED: { http: 400, grpc: 'INVALID_ARGUMENT' },
  IDEMPOTENCY_KEY_REQUIRED: { http: 400, grpc: 'INVALID_ARGUMENT' },
  UNSUPPORTED_CURRENCY: { http: 400, grpc: 'INVALID_ARGUMENT' },
  UNSUPPORTED_NETWORK: { http: 400, grpc: 'INVALID_ARGUMENT' },
  INVALID_IBAN: { http: 400, grpc: 'INVALID_ARGUMENT' },
  INVALID_ADDRESS: { http: 400, grpc: 'INVALID_ARGUMENT' },
  UNAUTHENTICATED: { http: 401, grpc: 'UNAUTHENTICATED' },
  FORBIDDEN: { http: 403, grpc: 'PERMISSION_DENIED' },
  PERMISSION_DENIED: { http: 403, grpc: 'PERMISSION_DENIED' },
  NOT_FOUND: { http: 404, grpc: 'NOT_FOUND' },
  USER_NOT_FOUND: { http: 404, grpc: 'NOT_FOUND' },
  USER_ALREADY_EXISTS: { http: 409, grpc: 'ALREADY_EXISTS' },
  USER_NOT_ACTIVE: { http: 409, grpc: 'FAILED_PRECONDITION' },
  USER_SUSPENDED: { http: 409, grpc: 'FAILED_PRECONDITION' },
  // Deleting a user is final: every later operation on it is answered with this.
  USER_DELETED: { http: 410, grpc: 'NOT_FOUND' },
  USER_HAS_ACTIVE_CARDS: { http: 409, grpc: 'FAILED_PRECONDITION' },
  USER_NOT_EXTENDED: { http: 409, grpc: 'FAILED_PRECONDITION' },
  FORBIDDEN_COUNTRY: { http: 422, grpc: 'FAILED_PRECONDITION' },
  KYC_ALREADY_VERIFIED: { http: 409, grpc: 'FAILED_PRECONDITION' },
  KYC_ATTEMPTS_EXHAUSTED: { http: 422, grpc: 'FAILED_PRECONDITION' },
  KYC_NOT_FOUND: { http: 404, grpc: 'NOT_FOUND' },
  // P100 is still deciding an earlier submission: wait for its webhook instead of retrying.
  KYC_PENDING: { http: 409, grpc: 'FAILED_PRECONDITION' },
  POA_PENDING: { http: 409, grpc: 'FAILED_PRECONDITION' },
  POA_ALREADY_VERIFIED: { http: 409, grpc: 'FAILED_PRECONDITION' },
  POA_NOT_REQUIRED: { http: 409, grpc: 'FAILED_PRECONDITION' },
  CARD_NOT_FOUND: { http: 404, grpc: 'NOT_FOUND' },
  // The card's status does not allow the operation (e.g. unblocking a deleted card).
  CARD_NOT_ACTIVE: { http: 409, grpc: 'FAILED_PRECONDITION' },
  // Limited (non-KYC) users and residents of countries without cards cannot hold one.
  CARDS_NOT_AVAILABLE: { http: 422, grpc: 'FAILED_PRECONDITION' },
  CARD_LIMIT_ABOVE_MAXIMUM: { http: 400, grpc: 'INVALID_ARGUMENT' },
  MOVEMENT_NOT_FOUND: { http: 404, grpc: 'NOT_FOUND' },
  RATE_LOCK_NOT_FOUND: { http: 404, grpc: 'NOT_FOUND' },
  // A rate lock is good for one exchange within its validity: ask for a new one.
  RATE_LOCK_EXPIRED: { http: 409, grpc: 'FAILED_PRECONDITION' },
  RATE_LOCK_USED: { http: 409, grpc: 'FAILED_PRECONDITION' },
  INSUFFICIENT_FUNDS: { http: 422, grpc: 'FAILED_PRECONDITION' },
  LIMIT_EXCEEDED: { http: 422, grpc: 'FAILED_PRECONDITION' },
  TRAVEL_RULE_NOT_REQUIRED: { http: 409, grpc: 'FAILED_PRECONDITION' },
  // The key names an earlier, different request: the caller must not retry it as it is.
  IDEMPOTENCY_KEY_REUSED: { http: 422, grpc: 'FAILED_PRECONDITION' },
  // The first request with this key is still running: retry later with the same key.
  IDEMPOTENCY_REQUEST_IN_PROGRESS: { http: 409, grpc: 'ABORTED' },
  PAYLOAD_TOO_LARGE: { http: 413, grpc: 'RESOURCE_EXHAUSTED' },
  UNSUPPORTED_MEDIA_TYPE: { http: 415, grpc: 'INVALID_ARGUMENT' },
  P100_REJECTED: { http: 422, grpc: 'FAILED_PRECONDITION' },
  RATE_LIMITED: { http: 429, grpc: 'RESOURCE_EXHAUSTED' },
  P100_UNAVAILABLE: { http: 503, grpc: 'UNAVAILABLE' },
  // Our own dependency is down (e.g. the service is not ready yet), as opposed to P100.
  SERVICE_UNAVAILABLE: { http: 503, grpc: 'UNAVAILABLE' },
  UPSTREAM_TIMEOUT: { http: 504, grpc: 'DEADLINE_EXCEEDED' },
  DEADLINE_EXCEEDED: { http: 504, grpc: 'DEADLINE_EXCEEDED' },
  INTERNAL: { http: 500, grpc: 'INTERNAL' },
} as const satisfies Record<string, { http: number; grpc: GrpcStatusName }>;

export type ErrorCode = keyof typeof ERROR_CODES;

const lookup = ERROR_CODES as Record<string, { http: number; grpc: GrpcStatusName } | undefined>;

/** The HTTP status of a platform error code; unknown codes are 500. */
export function statusForCode(code: string): number {
  return lookup[code]?.http ?? 500;
}

/** The gRPC status (wire number) of a platform error code; unknown codes are INTERNAL. */
export function grpcStatusForCode(code: string): number {
  return GRPC_STATUS[lookup[code]?.grpc ?? 'INTERNAL'];
}
