import type { EntityManager, DataSource } from 'typeorm';
import { ZodError, type ZodType } from 'zod';
import { MessageHeaders, type IncomingMessage } from '@platform/contracts';
import { runWithCorrelation } from '@platform/logging';
import { kafkaMetrics } from '@platform/metrics';
import type { MessagePublisher } from '../ports';

export interface InboxContext {
  manager: EntityManager;
  eventId: string;
  type: string;
  message: IncomingMessage;
}

export interface InboxHandler<T = unknown> {
  /** Validates the payload; a message that does not parse goes to the DLQ without retries. */
  schema: ZodType<T>;
  /** Runs inside the transaction that records the event id, so effect and dedupe commit together. */
  handle(payload: T, context: InboxContext): Promise<void>;
  /**
   * What a dead letter of this type may carry. By default the original bytes; a handler whose
   * events hold secrets (one-time card codes) returns a redacted copy of the decoded value.
   */
  redactDeadLetter?(value: unknown): unknown;
}

export type InboxHandlers = Record<string, InboxHandler<any>>;
export type InboxOutcome = 'processed' | 'duplicate' | 'ignored' | 'dead_lettered';

export interface InboxConsumerOptions {
  dataSource: DataSource;
  publisher: MessagePublisher;
  maxAttempts?: number;
  baseBackoffMs?: number;
  log?: { warn(msg: string): void; error(msg: string): void };
}

/** A message that can never succeed: retrying it would only block its partition. */
class PoisonMessage extends Error {}

/**
 * The one inbox consumer. For each message: dedupe on the `event-id` header (inbox primary key),
 * run the handler in the same transaction, retry failures with exponential backoff a bounded
 * number of times, then publish to `<topic>.dlq` and remember the event as dead-lettered.
 * Redelivery of an event already handled is a no-op.
 */
export class InboxConsumer {
  private readonly maxAttempts: number;
  private readonly baseBackoffMs: number;
  private readonly metrics = kafkaMetrics();

  constructor(private readonly options: InboxConsumerOptions) {
    this.maxAttempts = options.maxAttempts ?? 5;
    this.baseBackoffMs = options.baseBackoffMs ?? 200;
  }

  async consume(message: IncomingMessage, handlers: InboxHandlers): Promise<InboxOutcome> {
    const started = process.hrtime.bigint();
    const outcome = await runWithCorrelation(message.headers[MessageHeaders.correlationId], () => this.process(message, handlers));
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    this.metrics.handled.inc({ topic: message.topic, outcome });
    this.metrics.duration.observe({ topic: message.topic, outcome }, seconds);
    return outcome;
  }

  private async process(message: IncomingMessage, handlers: InboxHandlers): Promise<InboxOutcome> {
    const eventId = message.headers[MessageHeaders.eventId];
    const type = message.headers[MessageHeaders.type] ?? '';
    if (!eventId) return this.deadLetter(message, `missing ${MessageHeaders.eventId} header`, 0, `no-event-id:${message.topic}:${message.partition}:${message.offset}`);
    const handler = handlers[type];
    if (!handler) return 'ignored';

    let lastError = '';
    for (let attempt = 1; attempt <= this.maxAttempts; attempt += 1) {
      try {
        const processed = await this.options.dataSource.transaction(async (manager) => {
          const inserted: unknown[] = await manager.query(
            `INSERT INTO inbox (event_id, topic, event_type, outcome, attempts) VALUES ($1, $2, $3, 'processed', $4)
             ON CONFLICT (event_id) DO NOTHING RETURNING event_id`,
            [eventId, message.topic, type, attempt],
          );
          if (inserted.length === 0) return false;
          const parsed = handler.schema.safeParse(message.value);
          if (!parsed.success) throw new PoisonMessage(`invalid ${type} payload: ${formatZod(parsed.error)}`);
          await handler.handle(parsed.data, { manager, eventId, type, message });
          return true;
        });
        return processed ? 'processed' : 'duplicate';
      } catch (error) {
        lastError = (error as Error).message;
        if (error instanceof PoisonMessage) return this.deadLetter(message, lastError, attempt, eventId, handler);
        if (attempt < this.maxAttempts) {
          this.metrics.retries.inc({ topic: message.topic });
          this.options.log?.warn(`[inbox] ${message.topic} ${type} ${eventId}: attempt ${attempt} failed (${lastError}); retrying`);
          await sleep(this.baseBackoffMs * 2 ** (attempt - 1));
        }
      }
    }
    return this.deadLetter(message, lastError, this.maxAttempts, eventId, handler);
  }

  private async deadLetter(message: IncomingMessage, reason: string, attempts: number, eventId: string, handler?: InboxHandler): Promise<InboxOutcome> {
    this.options.log?.error(`[inbox] ${message.topic} event ${eventId} dead-lettered after ${attempts} attempt(s): ${reason}`);
    await this.options.publisher.publish([
      {
        topic: `${message.topic}.dlq`,
        key: message.key ?? eventId,
        value: deadLetterValue(message, handler),
        headers: {
          ...message.headers,
          'dlq-reason': reason.slice(0, 1000),
          'dlq-original-topic': message.topic,
          'dlq-original-partition': String(message.partition),
          'dlq-original-offset': message.offset,
          'dlq-attempts': String(attempts),
        },
      },
    ]);
    this.metrics.deadLettered.inc({ topic: message.topic });
    await this.options.dataSource.query(
      `INSERT INTO inbox (event_id, topic, event_type, outcome, attempts, last_error) VALUES ($1, $2, $3, 'dead_lettered', $4, $5)
       ON CONFLICT (event_id) DO NOTHING`,
      [eventId, message.topic, message.headers[MessageHeaders.type] ?? null, attempts, reason.slice(0, 1000)],
    );
    return 'dead_lettered';
  }
}

function formatZod(error: ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** The original bytes when we have them (a faithful replay), unless the handler redacts. */
function deadLetterValue(message: IncomingMessage, handler: InboxHandler | undefined): string {
  if (handler?.redactDeadLetter) return JSON.stringify(handler.redactDeadLetter(message.value) ?? null);
  return message.rawValue ?? JSON.stringify(message.value ?? null);
}
