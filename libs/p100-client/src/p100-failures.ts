import type { CommandErrorBody } from '@platform/contracts';
import { P100BulkheadFullError, P100CircuitOpenError, P100DeadlineExceededError, P100Error, P100LocalValidationError, P100NetworkError, P100TimeoutError } from './errors';

/**
 * P100 codes with a platform meaning of their own (errors-and-limits.md); other business codes
 * become P100_REJECTED, with P100's code in the details.
 */
const P100_CODE_TO_PLATFORM: Record<string, string> = {
  P411: 'USER_ALREADY_EXISTS',
  P464: 'USER_ALREADY_EXISTS',
  P465: 'USER_ALREADY_EXISTS',
  P412: 'USER_NOT_FOUND',
  P410: 'UNSUPPORTED_CURRENCY',
  P433: 'INSUFFICIENT_FUNDS',
  P455: 'USER_SUSPENDED',
  P459: 'USER_NOT_ACTIVE',
  P211: 'POA_PENDING',
  P212: 'KYC_PENDING',
  P426: 'KYC_FILE_REJECTED',
  P440: 'KYC_FILE_REJECTED',
  P431: 'FORBIDDEN_COUNTRY',
  P434: 'CARD_NOT_FOUND',
  P445: 'KYC_NOT_FOUND',
  P447: 'POA_ALREADY_VERIFIED',
  P450: 'KYC_ALREADY_VERIFIED',
  P451: 'CARDS_NOT_AVAILABLE',
  P453: 'KYC_ATTEMPTS_EXHAUSTED',
  P454: 'USER_HAS_ACTIVE_CARDS',
  P460: 'POA_NOT_REQUIRED',
  P461: 'USER_NOT_EXTENDED',
};

/**
 * How a failed P100 call ended: `rejected` (final: a repeat gets the same answer), `not_sent`
 * (provably never reached P100: safe to send again) or `unknown` (P100 may have acted: ask it
 * before repeating). The shape of @platform/database's FailureClassification.
 */
export interface P100FailureClassification {
  kind: 'rejected' | 'not_sent' | 'unknown';
  code: string;
  message: string;
}

export function classifyP100Failure(error: unknown): P100FailureClassification {
  const reply = p100ErrorToReply(error);
  if (!(error instanceof P100Error)) return { kind: 'unknown', code: reply?.code ?? 'INTERNAL', message: String(error) };
  if (error instanceof P100CircuitOpenError || error instanceof P100BulkheadFullError || error instanceof P100LocalValidationError) {
    return { kind: 'not_sent', code: reply!.code, message: error.message };
  }
  if (error instanceof P100DeadlineExceededError) return { kind: error.sent ? 'unknown' : 'not_sent', code: reply!.code, message: error.message };
  if (error instanceof P100NetworkError) return { kind: error.reachedServer ? 'unknown' : 'not_sent', code: reply!.code, message: error.message };
  // Refused before processing: P501 "temporarily unavailable", rate limited, our key refused.
  if (error.code === 'P501' || error.httpStatus === 429 || error.httpStatus === 401) return { kind: 'not_sent', code: reply!.code, message: error.message };
  // A timeout, P500 "unknown exception" or a 5xx may have happened after P100 acted.
  if (error instanceof P100TimeoutError || error.isOutage) return { kind: 'unknown', code: reply!.code, message: error.message };
  return { kind: 'rejected', code: reply!.code, message: error.message };
}

/** Maps P100 failures to command reply errors with stable platform codes (details keep P100's). */
export function p100ErrorToReply(error: unknown): CommandErrorBody | undefined {
  if (!(error instanceof P100Error)) return undefined;
  const details = { p100Code: error.code, ...(error.errorName ? { p100ErrorName: error.errorName } : {}) };
  if (error instanceof P100LocalValidationError) return { code: 'VALIDATION_FAILED', message: error.message, details };
  if (error instanceof P100DeadlineExceededError) return { code: 'DEADLINE_EXCEEDED', message: error.message, details };
  if (error instanceof P100BulkheadFullError) return { code: 'P100_UNAVAILABLE', message: 'P100 is slow: too many calls under way; retry later with the same idempotency key', details };
  if (error.isOutage || error.httpStatus === 429 || error.httpStatus === 401) {
    // 401 means our key is wrong: an operator problem, not the caller's; report it as unavailable.
    return { code: 'P100_UNAVAILABLE', message: 'P100 is unavailable; retry later with the same idempotency key', details };
  }
  return { code: P100_CODE_TO_PLATFORM[error.code] ?? 'P100_REJECTED', message: `P100 rejected the request: ${error.message}`, details };
}
