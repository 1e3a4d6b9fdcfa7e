import { errorBodyOf, mapErrorResponse } from './error-mapping';
import { P100Error, P100NetworkError, P100TimeoutError } from './errors';
import { parseP100Json } from './json';
import { parseRetryAfter } from './retry';
import { CLIENT_CLOSED, type HttpTransport, type TransportResponse } from './transport';

export interface HttpCall {
  operation: string;
  method: string;
  url: string;
  apiKey: string;
  body?: string | FormData;
  timeoutMs: number;
  /** Media type asked for; `application/json` unless the contract declares another. */
  accept?: string;
  /** Sent as x-correlation-id, so a call can be found in P100's logs (and the sandbox's request log). */
  correlationId?: string;
}

export interface HttpCallDeps {
  transport: HttpTransport;
  now: () => number;
}

/**
 * One HTTP exchange with P100: its own AbortController and deadline (a shared controller would
 * abort every call in flight when one times out), and every failure mapped to a P100Error.
 */
export async function httpCall(call: HttpCall, deps: HttpCallDeps): Promise<unknown> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), call.timeoutMs);
  try {
    const headers: Record<string, string> = { 'x-api-key': call.apiKey, accept: call.accept ?? 'application/json' };
    if (typeof call.body === 'string') headers['content-type'] = 'application/json';
    if (call.correlationId) headers['x-correlation-id'] = call.correlationId;

    let response: TransportResponse;
    try {
      response = await deps.transport.send({ method: call.method, url: call.url, headers, body: call.body, signal: controller.signal });
    } catch (error) {
      if (controller.signal.aborted) throw new P100TimeoutError(call.timeoutMs, call.operation);
      throw toNetworkError(error, call.operation, false);
    }

    let text: string;
    try {
      text = await response.text();
    } catch (error) {
      if (controller.signal.aborted) throw new P100TimeoutError(call.timeoutMs, call.operation);
      throw toNetworkError(error, call.operation, true);
    }

    const requestId = response.header('x-request-id');
    if (response.status >= 200 && response.status < 300) return readSuccess(response, text, call.operation, requestId, call.apiKey);
    throw mapErrorResponse({
      status: response.status,
      bodyText: text,
      requestId,
      operation: call.operation,
      retryAfterMs: parseRetryAfter(response.header('retry-after'), deps.now()),
      apiKey: call.apiKey,
    });
  } finally {
    clearTimeout(timer);
  }
}

function readSuccess(response: TransportResponse, text: string, operation: string, requestId: string | undefined, apiKey: string): unknown {
  if (text.trim() === '') return undefined;
  const contentType = response.header('content-type') ?? '';
  const looksJson = contentType.includes('json') || (!contentType && /^\s*[[{]/.test(text));
  if (!looksJson) return text;
  let value: unknown;
  try {
    value = parseP100Json(text);
  } catch {
    throw new P100Error('UNEXPECTED_RESPONSE', response.status, 'P100 answered with malformed JSON', undefined, requestId, operation);
  }
  // "Pending" outcomes (202 with P211/P212) carry an error body instead of the declared result.
  if (errorBodyOf(value)) throw mapErrorResponse({ status: response.status, bodyText: text, requestId, operation, apiKey });
  return value;
}

// Errors proving the request never left this process: connection refused, DNS, connect timeout,
// a client already closed at shutdown.
const NOT_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT', CLIENT_CLOSED]);

function toNetworkError(error: unknown, operation: string, bodyPhase: boolean): P100NetworkError {
  const codes = causeCodes(error);
  const neverSent = !bodyPhase && codes.length > 0 && codes.every((code) => NOT_SENT.has(code));
  const code = codes[0];
  return new P100NetworkError(`P100 unreachable${code ? ` (${code})` : ''}`, !neverSent, operation, code);
}

/** fetch wraps the socket error in `cause` (undici's `request` does not); happy eyeballs wraps several in an AggregateError. */
function causeCodes(error: unknown): string[] {
  const cause = (error as { cause?: unknown })?.cause ?? error;
  const nested = (cause as { errors?: unknown[] })?.errors;
  const all = Array.isArray(nested) && nested.length ? nested : [cause];
  return all.map((e) => (e as { code?: unknown })?.code).filter((c): c is string => typeof c === 'string');
}
