import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import pino from 'pino';
import type { IncomingMessage } from 'node:http';
import { CORRELATION_HEADER, currentCorrelationId, newCorrelationId, sanitizeCorrelationId } from './correlation';

/**
 * Paths redacted from every log line: credentials, card data, one-time codes and personal data
 * must never reach the logs (a second line of defence: our code does not log them).
 */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers["x-api-key"]',
  'req.headers.cookie',
  ...['apiKey', 'password', 'token', 'secret', 'pan', 'cardNumber', 'cvv', 'cvc', 'pin', 'otp', 'secureCode', 'activationCode', 'email', 'phone', 'iban']
    .flatMap((field) => [field, `*.${field}`]),
  // A failed query's values (TypeORM's QueryFailedError) and Postgres's detail, which quotes them.
  'err.parameters',
  'err.detail',
  'err.driverError',
  '*.parameters',
];

/**
 * Errors as pino's standard serializer writes them, without what may carry data: the parameters
 * of a failed query, Postgres's `detail`, the driver's copy of both.
 */
export function serializeError(error: unknown): unknown {
  const serialized = pino.stdSerializers.err(error as Error) as unknown as Record<string, unknown>;
  if (serialized && typeof serialized === 'object') {
    for (const field of ['parameters', 'detail', 'driverError', 'where', 'internalQuery']) delete serialized[field];
    if (typeof serialized.message === 'string') serialized.message = safeDatabaseMessage(serialized.code, serialized.message);
    if (typeof serialized.stack === 'string' && typeof (error as Error)?.message === 'string') {
      serialized.stack = serialized.stack.replace((error as Error).message, String(serialized.message));
    }
  }
  return serialized;
}

/**
 * Postgres's messages for data exceptions (SQLSTATE class 22: invalid input syntax, bad byte
 * sequence, out of range) quote the offending value, which may be a secret or personal data:
 * those are replaced by their code. Other messages name only objects (constraints, columns).
 */
export function safeDatabaseMessage(code: unknown, message: string): string {
  return typeof code === 'string' && /^22[0-9A-Z]{3}$/.test(code) ? `data exception ${code} (message withheld: it quotes the value)` : message;
}

export interface LoggingOptions {
  service: string;
  level: string;
}

@Module({})
export class LoggingModule {
  static forRoot(options: LoggingOptions): DynamicModule {
    return {
      module: LoggingModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            level: options.level,
            base: { service: options.service },
            redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
            // JSON logs; the correlation id of the current async context is added to every line.
            mixin: () => {
              const correlationId = currentCorrelationId();
              return correlationId ? { correlationId } : {};
            },
            genReqId: (req: IncomingMessage) =>
              sanitizeCorrelationId(req.headers[CORRELATION_HEADER]) ?? newCorrelationId(),
            customProps: (req: IncomingMessage) => ({ correlationId: (req as IncomingMessage & { id?: string }).id }),
            autoLogging: { ignore: (req: IncomingMessage) => req.url === '/metrics' || req.url?.startsWith('/health') === true },
            serializers: {
              req: (req: { method: string; url: string; id: string }) => ({ id: req.id, method: req.method, url: req.url }),
              err: serializeError,
            },
          },
        }),
      ],
      exports: [LoggerModule],
    };
  }
}
