/**
 * A business error with a stable code. Domain services raise these; only the edges (gateway
 * HTTP/gRPC, webhook-ingest HTTP) map a code to a status, through `ERROR_CODES` (error-codes.ts).
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
