import { Logger } from '@nestjs/common';
import type { KafkaContext } from '@nestjs/microservices';
import type { ZodType } from 'zod';
import {
  DomainError,
  MessageHeaders,
  REPLY_MARGIN_MS,
  commandEnvelopeSchema,
  type CommandErrorBody,
  type CommandReply,
} from '@platform/contracts';
import { runWithCorrelation } from '@platform/logging';
import { kafkaMetrics } from '@platform/metrics';
import { headersToStrings } from './kafka-headers';
import { decodeMessageValue } from './message-value';

export interface CommandHandler<P = any, R = unknown> {
  schema: ZodType<P>;
  handle(payload: P): Promise<R>;
}

export type CommandHandlers = Record<string, CommandHandler>;

/** Turns an error a handler raised into a reply error; domain services plug in their own. */
export type ErrorMapper = (error: unknown) => CommandErrorBody | undefined;

/**
 * The one command path on the service side: validate the envelope and payload, run the handler in
 * the caller's correlation context, and always answer with a CommandReply: failures are data with
 * a stable code, never an exception across Kafka.
 */
export class CommandDispatcher {
  private readonly logger = new Logger(CommandDispatcher.name);
  private readonly metrics = kafkaMetrics();

  constructor(
    private readonly topic: string,
    private readonly handlers: CommandHandlers,
    private readonly mapError: ErrorMapper = () => undefined,
  ) {}

  dispatch(data: unknown, context?: KafkaContext): Promise<CommandReply<unknown>> {
    return this.dispatchWithHeaders(data, context ? headersToStrings(context.getMessage().headers as never) : {});
  }

  /**
   * The same path for a command that did not come over Kafka (the cards secure lane, over HTTP):
   * `headers` are named as the Kafka ones (MessageHeaders: `correlation-id`, `deadline`), so
   * validation, deadline and correlation behave alike whatever carried the command.
   */
  dispatchWithHeaders(data: unknown, headers: Readonly<Record<string, string>>): Promise<CommandReply<unknown>> {
    // The work must end early enough for the reply to reach the gateway before it gives up.
    const caller = parseDeadline(headers[MessageHeaders.deadline]);
    const deadline = caller === undefined ? undefined : caller - REPLY_MARGIN_MS;
    return runWithCorrelation(headers[MessageHeaders.correlationId], () => this.run(decodeMessageValue(data, 'plain'), deadline), deadline);
  }

  private async run(data: unknown, deadline: number | undefined): Promise<CommandReply<unknown>> {
    const started = process.hrtime.bigint();
    // Past its deadline the caller has given up: running the command now would only act on
    // someone's behalf after they were told it failed. It is answered, and not executed.
    const reply = deadline !== undefined && Date.now() >= deadline
      ? failure('DEADLINE_EXCEEDED', `the caller's deadline passed ${Date.now() - deadline} ms before this command could start; it was not executed`)
      : await this.execute(data);
    const outcome = reply.ok ? 'ok' : reply.error.code;
    this.metrics.handled.inc({ topic: this.topic, outcome });
    this.metrics.duration.observe({ topic: this.topic, outcome }, Number(process.hrtime.bigint() - started) / 1e9);
    return reply;
  }

  private async execute(data: unknown): Promise<CommandReply<unknown>> {
    const envelope = commandEnvelopeSchema.safeParse(data);
    if (!envelope.success) return failure('VALIDATION_FAILED', 'command envelope must be {type, payload}');
    const handler = this.handlers[envelope.data.type];
    if (!handler) return failure('VALIDATION_FAILED', `unknown command type ${envelope.data.type}`);
    const payload = handler.schema.safeParse(envelope.data.payload);
    if (!payload.success) {
      const issue = payload.error.issues[0];
      const field = issue?.path.join('.') || '(body)';
      return failure('VALIDATION_FAILED', `${field}: ${issue?.message ?? 'invalid'}`, { field });
    }
    try {
      return { ok: true, data: await handler.handle(payload.data) };
    } catch (error) {
      if (error instanceof DomainError) return failure(error.code, error.message, error.details);
      const mapped = this.mapError(error);
      if (mapped) return { ok: false, error: mapped };
      this.logger.error({ err: error, type: envelope.data.type }, 'command handler failed');
      return failure('INTERNAL', 'internal error; the request can be retried with the same idempotency key');
    }
  }
}

/** The `deadline` header: epoch ms. A malformed one is ignored (the command runs unbounded, as before). */
function parseDeadline(header: string | undefined): number | undefined {
  if (header === undefined || !/^\d{1,15}$/.test(header)) return undefined;
  return Number(header);
}

function failure(code: string, message: string, details?: Record<string, unknown>): CommandReply<never> {
  return { ok: false, error: { code, message, ...(details ? { details } : {}) } };
}
