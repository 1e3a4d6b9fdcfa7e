import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { IncomingMessage } from 'node:http';
import { CORRELATION_HEADER, currentCorrelationId, newCorrelationId, sanitizeCorrelationId } from './correlation';

/** Paths redacted from every log line: credentials and card data must never reach the logs. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers["x-api-key"]',
  'req.headers.cookie',
  '*.apiKey',
  '*.password',
  '*.pan',
  '*.cardNumber',
  '*.cvv',
  '*.pin',
];

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
            },
          },
        }),
      ],
      exports: [LoggerModule],
    };
  }
}
