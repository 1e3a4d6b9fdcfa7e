/**
 * P100's failures as one typed hierarchy. Every error carries P100's stable code (`P433`), the HTTP
 * status, P100's `errorName` slug when it sent one, the request id and the operation, so callers
 * branch on classes or codes and the gateway maps them to its own statuses in one place.
 *
 * Codes that are not P100's own (`ACCESS_DENIED`, `TIMEOUT`, ...) are ours and never collide with
 * the `Pnnn` space.
 */
export class P100Error extends Error {
  constructor(
    readonly code: string,
    readonly httpStatus: number,
    message: string,
    readonly errorName?: string,
    readonly requestId?: string,
    readonly operation?: string,
  ) {
    super(message);
    this.name = new.target.name;
  }

  /** P100 reports its own outages as HTTP 400 with P500/P501; they must trip the breaker. */
  get isOutage(): boolean {
    return this.httpStatus >= 500 || this.code === 'P500' || this.code === 'P501';
  }
}

// One class per documented code (errors-and-limits.md). Constructed through P100_ERROR_CLASSES.
export class P100PoaPendingError extends P100Error {}
export class P100KycVerificationPendingError extends P100Error {}
export class P100ValidationError extends P100Error {}
export class P100CurrencyNotFoundError extends P100Error {}
export class P100UserExistsError extends P100Error {}
export class P100UserNotFoundError extends P100Error {}
export class P100PartnerNotFoundError extends P100Error {}
export class P100SourceOrDestinationRequiredError extends P100Error {}
export class P100InvalidFileTypeError extends P100Error {}
export class P100SepaTransferNotFoundError extends P100Error {}
export class P100ForbiddenCountryError extends P100Error {}
export class P100InsufficientFundsError extends P100Error {}
export class P100CardNotFoundError extends P100Error {}
export class P100FileTooLargeError extends P100Error {}
export class P100KycNotFoundError extends P100Error {}
export class P100PoaAlreadyVerifiedError extends P100Error {}
export class P100KycAlreadyVerifiedError extends P100Error {}
export class P100ForbiddenCountryForCardError extends P100Error {}
export class P100TooManyKycAttemptsError extends P100Error {}
export class P100SuspensionNotPossibleError extends P100Error {}
export class P100UserSuspendedError extends P100Error {}
export class P100UserNotVerifiedError extends P100Error {}
export class P100PoaVerificationNotFoundError extends P100Error {}
export class P100UserNotExtendedError extends P100Error {}
export class P100PhoneExistsError extends P100Error {}
export class P100EmailExistsError extends P100Error {}
export class P100UnknownExceptionError extends P100Error {}
export class P100ServiceUnavailableError extends P100Error {}

type P100ErrorClass = new (
  code: string,
  httpStatus: number,
  message: string,
  errorName?: string,
  requestId?: string,
  operation?: string,
) => P100Error;

/** All 28 `Pnnn` codes of the contract. P451 and P455 come from third-party client code only. */
export const P100_ERROR_CLASSES = {
  P211: P100PoaPendingError,
  P212: P100KycVerificationPendingError,
  P403: P100ValidationError,
  P410: P100CurrencyNotFoundError,
  P411: P100UserExistsError,
  P412: P100UserNotFoundError,
  P418: P100PartnerNotFoundError,
  P424: P100SourceOrDestinationRequiredError,
  P426: P100InvalidFileTypeError,
  P428: P100SepaTransferNotFoundError,
  P431: P100ForbiddenCountryError,
  P433: P100InsufficientFundsError,
  P434: P100CardNotFoundError,
  P440: P100FileTooLargeError,
  P445: P100KycNotFoundError,
  P447: P100PoaAlreadyVerifiedError,
  P450: P100KycAlreadyVerifiedError,
  P451: P100ForbiddenCountryForCardError,
  P453: P100TooManyKycAttemptsError,
  P454: P100SuspensionNotPossibleError,
  P455: P100UserSuspendedError,
  P459: P100UserNotVerifiedError,
  P460: P100PoaVerificationNotFoundError,
  P461: P100UserNotExtendedError,
  P464: P100PhoneExistsError,
  P465: P100EmailExistsError,
  P500: P100UnknownExceptionError,
  P501: P100ServiceUnavailableError,
} as const satisfies Record<string, P100ErrorClass>;

export type P100ErrorCode = keyof typeof P100_ERROR_CLASSES;

/** HTTP 401 "Access Denied": missing key, whitespace in it, or a key of the other environment. */
export class P100AuthError extends P100Error {
  constructor(message: string, requestId?: string, operation?: string) {
    super('ACCESS_DENIED', 401, message, undefined, requestId, operation);
  }
}

/** HTTP 429. `retryAfterMs` comes from Retry-After (seconds or HTTP date) when P100 sent it. */
export class P100RateLimitedError extends P100Error {
  constructor(
    message: string,
    readonly retryAfterMs?: number,
    requestId?: string,
    operation?: string,
  ) {
    super('RATE_LIMITED', 429, message, undefined, requestId, operation);
  }
}

/** Our per-call deadline passed; P100 may or may not have processed the request. */
export class P100TimeoutError extends P100Error {
  constructor(
    readonly timeoutMs: number,
    operation?: string,
  ) {
    super('TIMEOUT', 0, `P100 did not answer within ${timeoutMs} ms`, undefined, undefined, operation);
  }

  override get isOutage(): boolean {
    return true;
  }
}

/**
 * The connection failed. `reachedServer` is false only when the request provably never left
 * (connection refused, DNS failure, connect timeout): only then is a POST safe to resend.
 */
export class P100NetworkError extends P100Error {
  constructor(
    message: string,
    readonly reachedServer: boolean,
    operation?: string,
    readonly causeCode?: string,
  ) {
    super('NETWORK_ERROR', 0, message, undefined, undefined, operation);
  }

  override get isOutage(): boolean {
    return true;
  }
}

/**
 * The caller's deadline (the command's, from the gateway) left no time, or ran out during the
 * call. `sent` false: nothing left for P100, safe to repeat. `sent` true: P100 may have acted,
 * as after a timeout. Not P100's fault either way, so it never counts against a breaker.
 */
export class P100DeadlineExceededError extends P100Error {
  constructor(
    readonly sent: boolean,
    operation?: string,
  ) {
    super('DEADLINE_EXCEEDED', 0, sent ? "the caller's deadline ran out while P100 was answering" : "the caller's deadline passed before P100 was called", undefined, undefined, operation);
  }
}

/**
 * The endpoint group already has its maximum of calls under way (a slow group keeps its own
 * slots busy, not everyone's). Nothing was sent: safe to repeat.
 */
export class P100BulkheadFullError extends P100Error {
  constructor(
    readonly group: string,
    readonly maxConcurrent: number,
    operation?: string,
  ) {
    super('BULKHEAD_FULL', 0, `P100 ${group} endpoints already have ${maxConcurrent} calls under way; call refused`, undefined, undefined, operation);
  }
}

/** The breaker of the endpoint group is open: the call failed fast without reaching P100. */
export class P100CircuitOpenError extends P100Error {
  constructor(
    readonly group: string,
    operation?: string,
  ) {
    super('CIRCUIT_OPEN', 0, `P100 ${group} endpoints are failing; call rejected by the circuit breaker`, undefined, undefined, operation);
  }

  override get isOutage(): boolean {
    return true;
  }
}

/** The input breaks a documented limit; thrown before anything is sent to P100. */
export class P100LocalValidationError extends P100Error {
  constructor(
    readonly violations: string[],
    operation?: string,
  ) {
    super('LOCAL_VALIDATION', 0, violations.join('; '), undefined, undefined, operation);
  }
}
