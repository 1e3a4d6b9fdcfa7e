import { ArgumentsHost, Catch, HttpException, Logger, NotFoundException, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { HttpErrorFilter } from '@platform/service';
import { AccessDeniedError } from '../auth/access-denied.error';
import { isP100Path, markErrorCode } from '../shared/p100-request';
import { P100Error, P100ValidationError } from './p100-error';

type Answer = [status: number, body: unknown, code: string];

/**
 * P100 paths answer like P100: business errors as {errorCode, errorName, errorMessage},
 * request-format problems as P403, anything unexpected as P500 (which P100 sends with HTTP 400).
 * Other paths (/admin, /health) keep the platform's error body.
 *
 * Registered as the last global filter, so Nest consults it before the platform's
 * HttpErrorFilter that bootstrapService installs; it delegates non-P100 paths to that filter.
 */
@Catch()
export class SandboxExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('SandboxExceptionFilter');
  private readonly platform = new HttpErrorFilter();

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const request = host.switchToHttp().getRequest<FastifyRequest>();
    if (!isP100Path(request.url)) return this.platform.catch(exception, host);

    const [status, body, code] = this.toP100Answer(exception);
    markErrorCode(request, code);
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    void reply.status(status).header('content-type', 'application/json; charset=utf-8').send(body);
  }

  private toP100Answer(exception: unknown): Answer {
    if (exception instanceof P100Error) return [exception.httpStatus, exception.toBody(), exception.code];
    if (exception instanceof P100ValidationError) return [400, exception.toBody(), 'P403'];
    if (exception instanceof AccessDeniedError) return [401, exception.toBody(), '401'];
    if (exception instanceof NotFoundException) {
      return [404, { statusCode: 404, message: exception.message, error: 'Not Found' }, '404'];
    }
    const status = httpStatusOf(exception);
    if (status !== undefined && status >= 400 && status < 500) {
      // Malformed JSON, wrong content type, broken multipart: P100 reports request-format
      // problems as P403.
      const message = (exception as Error).message || 'invalid request';
      return [400, new P100ValidationError([message]).toBody(), 'P403'];
    }
    this.logger.error({ err: exception }, 'P100 request failed');
    return [400, new P100Error('P500').toBody(), 'P500'];
  }
}

function httpStatusOf(exception: unknown): number | undefined {
  if (exception instanceof HttpException) return exception.getStatus();
  const statusCode = (exception as { statusCode?: unknown } | null)?.statusCode;
  return typeof statusCode === 'number' ? statusCode : undefined;
}
