import { Inject, Injectable, Logger } from '@nestjs/common';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { CARDS_SECURE_LANE_PATH, DomainError, JsonInputError, MessageHeaders, parseBoundedJson, type CommandReply, type JsonLimits } from '@platform/contracts';
import { CommandDispatcher } from '@platform/kafka';
import { counter } from '@platform/metrics';
import { p100ErrorToReply } from '@platform/p100-client';
import { sendHttpError } from '@platform/service';
import { CARDS_CONFIG, type CardsConfig } from '../cards.config';
import { CardsCommandTable } from '../commands/cards-command-table';
import { runOnLane } from './lane-context';
import { LaneToken } from './lane-token';

/** A command envelope of the lane is small: ids, a label, a PIN. */
export const LANE_BODY_LIMIT_BYTES = 8 * 1024;
const LANE_JSON_LIMITS: JsonLimits = { maxDepth: 8, maxStringLength: 1_024, maxNumberLength: 32 };
/** The gateway's client name, as its access table spells them. */
const CALLER = /^[A-Za-z0-9._-]{1,64}$/;

const refusals = counter('cards_secure_lane_refused_total', 'Secure-lane requests refused before any command ran, by reason', ['reason']);

/**
 * The cards secure lane: `POST /internal/v1/commands` on the service's own HTTP port, for the
 * commands whose input or answer holds a card secret (create, reveal, PIN). It is a Fastify
 * route of its own scope rather than a Nest controller, because what it must guarantee happens
 * before a controller would run: the token is checked in `onRequest`, before a byte of the body
 * is read; the body is parsed by the lane's own bounded parser (8 KiB), whose errors never quote
 * the input; and nothing of a request or an answer is logged or kept (no idempotency store:
 * create is keyed by its requestId in the cards table; `Cache-Control: no-store`).
 */
@Injectable()
export class SecureLaneRoute {
  private readonly logger = new Logger('SecureLane');
  private readonly token: LaneToken;
  private readonly dispatcher: CommandDispatcher;

  constructor(table: CardsCommandTable, @Inject(CARDS_CONFIG) config: CardsConfig) {
    this.token = new LaneToken(config.CARDS_LANE_TOKEN);
    // Only the secure lane's commands: a Kafka-lane type sent here is refused below by name.
    this.dispatcher = new CommandDispatcher('cards.secure-lane', table.handlersFor('secure'), p100ErrorToReply);
  }

  /** Adds the route to the service's Fastify instance (before it starts listening). */
  register(fastify: FastifyInstance): void {
    void fastify.register(async (lane) => {
      // This scope's parsers only: the body of a lane request is read by ours alone.
      lane.removeAllContentTypeParsers();
      lane.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit: LANE_BODY_LIMIT_BYTES }, (_request, body, done) => {
        try {
          done(null, parseBoundedJson(body as string, LANE_JSON_LIMITS, 'plain'));
        } catch (error) {
          done(laneBodyError(error), undefined);
        }
      });
      lane.setErrorHandler((error, _request, reply) => this.refuse(reply, error));
      lane.route({
        method: 'POST',
        url: CARDS_SECURE_LANE_PATH,
        bodyLimit: LANE_BODY_LIMIT_BYTES,
        onRequest: (request, reply, done) => {
          if (this.token.admits(request.headers.authorization)) return done();
          refusals.inc({ reason: 'unauthenticated' });
          void this.refuse(reply, new DomainError('UNAUTHENTICATED', 'the cards secure lane needs Authorization: Bearer <CARDS_LANE_TOKEN>'));
        },
        handler: (request, reply) => this.answer(request, reply),
      });
    });
  }

  private async answer(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
    const result = await this.dispatch(request);
    return reply.code(200).header('cache-control', 'no-store').header('content-type', 'application/json').send(result);
  }

  private async dispatch(request: FastifyRequest): Promise<CommandReply<unknown>> {
    const caller = request.headers['x-caller'];
    if (typeof caller !== 'string' || !CALLER.test(caller)) {
      refusals.inc({ reason: 'caller' });
      return failure('VALIDATION_FAILED', 'x-caller: the calling gateway client (1-64 letters, digits, ".", "_" or "-") is required: reveals are audited against it', 'x-caller');
    }
    const type = (request.body as { type?: unknown } | undefined)?.type;
    if (typeof type === 'string' && CardsCommandTable.laneOf(type) === 'kafka') {
      refusals.inc({ reason: 'kafka_lane_type' });
      return failure('VALIDATION_FAILED', `${type} is not a secure-lane command: send it on the cards.commands topic`, 'type');
    }
    const headers: Record<string, string> = { [MessageHeaders.correlationId]: String(request.id) };
    const deadline = request.headers['x-deadline'];
    if (typeof deadline === 'string') headers[MessageHeaders.deadline] = deadline;
    return runOnLane({ caller }, () => this.dispatcher.dispatchWithHeaders(request.body, headers));
  }

  /** The platform error body, never cached; only unexpected failures are logged, by name alone. */
  private refuse(reply: FastifyReply, error: unknown): FastifyReply {
    const known = error instanceof DomainError ? error : fastifyRefusal(error);
    if (!known) this.logger.error({ error: (error as Error)?.name ?? typeof error }, 'secure lane request failed');
    return sendHttpError(reply.header('cache-control', 'no-store'), known ?? new DomainError('INTERNAL', 'internal error'), { error: () => undefined });
  }
}

/** The bounded parser's refusals, without the V8 message of a syntax error (it quotes the input). */
function laneBodyError(error: unknown): DomainError {
  if (error instanceof JsonInputError && error.code === 'VALIDATION_FAILED') return new DomainError('VALIDATION_FAILED', error.message, { field: error.field });
  return new DomainError('MALFORMED_JSON', 'the body is not valid JSON');
}

/** Fastify's own refusals of a request (size, media type), as platform errors. */
function fastifyRefusal(error: unknown): DomainError | undefined {
  if (error instanceof DomainError) return error;
  const code = (error as { code?: unknown })?.code;
  if (code === 'FST_ERR_CTP_BODY_TOO_LARGE') return new DomainError('PAYLOAD_TOO_LARGE', `a secure-lane command is at most ${LANE_BODY_LIMIT_BYTES} bytes`);
  if (code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return new DomainError('UNSUPPORTED_MEDIA_TYPE', 'a secure-lane command is application/json');
  if (code === 'FST_ERR_CTP_EMPTY_JSON_BODY') return new DomainError('VALIDATION_FAILED', 'command envelope must be {type, payload}');
  return undefined;
}

function failure(code: string, message: string, field: string): CommandReply<never> {
  return { ok: false, error: { code, message, details: { field } } };
}
