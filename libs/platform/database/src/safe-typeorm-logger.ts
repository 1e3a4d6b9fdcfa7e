import { Logger as NestLogger } from '@nestjs/common';
import type { Logger as TypeOrmLogger } from 'typeorm';
import { safeDatabaseMessage } from '@platform/logging';

/** Where the lines go: Nest's logger (pino in the services), or a test's sink. */
export interface LogSink {
  error(message: string): void;
  warn(message: string): void;
}

/**
 * TypeORM's logger without the parameters. TypeORM's own prints every parameter of a failed
 * query — one-time card codes, e-mail addresses, phone numbers, names — into the service log.
 * Ours logs the statement (placeholders only), Postgres's error code and message, never the
 * values and never Postgres's `detail` (which quotes them: `Key (email)=(jan@…)`); a data
 * exception's message, which quotes the value too, is replaced by its code.
 */
export class SafeTypeOrmLogger implements TypeOrmLogger {
  constructor(private readonly sink: LogSink = new NestLogger('TypeORM')) {}

  logQuery(): void {}

  logQueryError(error: string | Error, query: string): void {
    const code = typeof error === 'object' ? ((error as { code?: string }).code ?? (error as { driverError?: { code?: string } }).driverError?.code) : undefined;
    const message = safeDatabaseMessage(code, typeof error === 'string' ? error : error.message);
    this.sink.error(`query failed${code ? ` (${code})` : ''}: ${message} — ${shorten(query)}`);
  }

  logQuerySlow(time: number, query: string): void {
    this.sink.warn(`slow query (${time} ms): ${shorten(query)}`);
  }

  logSchemaBuild(): void {}

  logMigration(message: string): void {
    void message;
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.sink.warn(String(message));
  }
}

const shorten = (query: string) => {
  const flat = query.replace(/\s+/g, ' ').trim();
  return flat.length > 300 ? `${flat.slice(0, 300)}…` : flat;
};
