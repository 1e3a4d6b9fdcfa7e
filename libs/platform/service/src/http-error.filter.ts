import { ArgumentsHost, Catch, HttpException, Logger, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { DomainError, statusForCode } from '@platform/contracts';

const STATUS_CODES: Record<number, string> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  406: 'NOT_ACCEPTABLE',
  413: 'PAYLOAD_TOO_LARGE',
  414: 'URI_TOO_LONG',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
  503: 'SERVICE_UNAVAILABLE',
  504: 'UPSTREAM_TIMEOUT',
};

export interface ErrorBody {
  error: { code: string; message: string; details?: Record<string, unknown> };
}

/**
 * The one place HTTP statuses are chosen: domain errors by their stable code, framework and
 * parser errors (bad JSON, body too large) by their status. Unknown errors are 500 with a
 * generic message; the details go to the log, never to the caller.
 */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpErrorFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    void sendHttpError(host.switchToHttp().getResponse<FastifyReply>(), exception, this.logger);
  }
}

/**
 * Answers `exception` on `reply`: the filter's way, and that of routes registered on Fastify
 * directly (the gateway's operation routes). A domain error's `retryAfterSeconds` becomes
 * Retry-After. Domain errors are answers with a stable code (P100 down, a timeout): only the
 * unexpected is logged, so an outage does not flood the log.
 */
export function sendHttpError(reply: FastifyReply, exception: unknown, logger: Pick<Logger, 'error'>): FastifyReply {
  const [status, body] = toHttpError(exception);
  if (status >= 500 && !(exception instanceof DomainError)) logger.error({ err: exception }, 'request failed');
  const retryAfter = exception instanceof DomainError ? exception.details?.retryAfterSeconds : undefined;
  if (typeof retryAfter === 'number') void reply.header('retry-after', String(retryAfter));
  return reply.status(status).header('content-type', 'application/json').send(body);
}

/**
 * An exception as the HTTP status and body a caller gets: the one mapping, also used by routes
 * registered on Fastify directly (the gateway's operation routes).
 */
export function toHttpError(exception: unknown): [number, ErrorBody] {
  if (exception instanceof DomainError) {
    const body: ErrorBody = { error: { code: exception.code, message: exception.message } };
    if (exception.details) body.error.details = exception.details;
    return [statusForCode(exception.code), body];
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const response = exception.getResponse();
    const message =
      typeof response === 'string' ? response : String((response as { message?: unknown }).message ?? exception.message);
    // Nest wraps Fastify's body-parser failure; a body that is not JSON is its own problem.
    const code = status === 400 && /JSON/i.test(message) ? 'MALFORMED_JSON' : (STATUS_CODES[status] ?? (status >= 500 ? 'INTERNAL' : 'BAD_REQUEST'));
    return [status, { error: { code, message } }];
  }
  // Fastify's own errors (content-type parser, body limit, malformed JSON) carry a 4xx statusCode.
  const fastifyError = exception as { statusCode?: number; code?: string; message?: string };
  if (typeof fastifyError.statusCode === 'number' && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
    const status = fastifyError.statusCode;
    const code = fastifyError.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || /JSON/.test(fastifyError.message ?? '')
      ? 'MALFORMED_JSON'
      : (STATUS_CODES[status] ?? 'BAD_REQUEST');
    return [status, { error: { code, message: fastifyError.message ?? 'bad request' } }];
  }
  return [500, { error: { code: 'INTERNAL', message: 'internal error' } }];
}
