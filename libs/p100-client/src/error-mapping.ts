import {
  P100_ERROR_CLASSES,
  P100AuthError,
  P100Error,
  P100RateLimitedError,
  type P100ErrorCode,
} from './errors';
import { parseP100Json } from './json';

export interface P100ErrorResponse {
  status: number;
  bodyText: string;
  requestId?: string;
  operation?: string;
  retryAfterMs?: number;
  /** Scrubbed from every message, in case P100 (or a proxy) echoes the request back. */
  apiKey?: string;
}

interface P100ErrorBody {
  errorCode: string;
  errorMessage?: string;
  errorName?: string;
}

/**
 * Reads P100's error body. Two shapes exist: business errors carry `errorCode`, `errorName` and
 * `errorMessage`; request-format validation (P403) carries only `errorCode` and `errorMessage`.
 */
export function readErrorBody(bodyText: string): P100ErrorBody | undefined {
  let body: unknown;
  try {
    body = parseP100Json(bodyText);
  } catch {
    return undefined;
  }
  return errorBodyOf(body);
}

/** The same on an answer already parsed (a success answer is parsed once, not twice). */
export function errorBodyOf(body: unknown): P100ErrorBody | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
  const { errorCode, errorMessage, errorName } = body as Record<string, unknown>;
  if (typeof errorCode !== 'string' || !/^P\d{3}$/.test(errorCode)) return undefined;
  return {
    errorCode,
    errorMessage: Array.isArray(errorMessage) ? errorMessage.map(String).join('; ') : asString(errorMessage),
    errorName: asString(errorName),
  };
}

export function mapErrorResponse(response: P100ErrorResponse): P100Error {
  const { status, requestId, operation } = response;
  const body = readErrorBody(response.bodyText);
  const scrub = (text: string) => redact(text, response.apiKey);

  if (status === 401) return new P100AuthError(scrub(body?.errorMessage ?? 'Access Denied'), requestId, operation);
  if (status === 429) {
    return new P100RateLimitedError(scrub(body?.errorMessage ?? 'Too many requests'), response.retryAfterMs, requestId, operation);
  }
  if (body) {
    const ErrorClass = P100_ERROR_CLASSES[body.errorCode as P100ErrorCode] ?? P100Error;
    const message = scrub(body.errorMessage ?? body.errorName ?? `P100 error ${body.errorCode}`);
    return new ErrorClass(body.errorCode, status, message, body.errorName, requestId, operation);
  }
  return new P100Error(`HTTP_${status}`, status, `P100 answered HTTP ${status} without an error code`, undefined, requestId, operation);
}

export function redact(text: string, secret: string | undefined): string {
  return secret && secret.length >= 4 ? text.split(secret).join('[redacted]') : text;
}

function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
