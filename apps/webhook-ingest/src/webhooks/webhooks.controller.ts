import { Controller, HttpCode, Post, Req, Res, type RawBodyRequest } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, JsonInputError, WEBHOOK_CATALOG, parseBoundedJson, type WebhookSpec } from '@platform/contracts';
import { MAX_KEY_FIELD_LENGTH, oversizedKeyField } from './dedupe-key';
import { ReceiveWebhookHandler } from './receive-webhook.handler';

const SPEC_BY_PATH = new Map<string, WebhookSpec>(WEBHOOK_CATALOG.map((s) => [s.path, s]));

/**
 * One route for every P100 webhook path (the catalog in @platform/contracts). The path names the
 * event; the body is kept exactly as received. Refusals are counted in invalid-webhook-metrics.hook.ts.
 */
@ApiExcludeController()
@Controller()
export class WebhooksController {
  constructor(private readonly handler: ReceiveWebhookHandler) {}

  @Post('*')
  @HttpCode(200)
  async receive(@Req() request: RawBodyRequest<FastifyRequest>, @Res({ passthrough: true }) reply: FastifyReply) {
    // Fastify has parsed the JSON; we keep the exact text it came as. Media types are
    // case-insensitive (bootstrapService lower-cases them before Fastify matches a parser).
    const raw = request.headers['content-type']?.startsWith('application/json') ? request.rawBody?.toString('utf8') : undefined;
    if (raw === undefined) {
      throw new DomainError('UNSUPPORTED_MEDIA_TYPE', 'webhooks must be application/json');
    }
    const path = request.url.split('?')[0]!;
    const spec = SPEC_BY_PATH.get(path);
    // An unknown path is kept for an operator, within a cap of its own.
    if (!spec && Buffer.byteLength(raw) > QUARANTINE_MAX_BYTES) {
      throw new DomainError('PAYLOAD_TOO_LARGE', `a webhook on an unknown path is kept only up to ${QUARANTINE_MAX_BYTES} bytes`);
    }
    const payload = parseWebhookBody(raw);
    if (!spec) {
      // Only a well-formed JSON object (parseWebhookBody): an authenticated event we cannot route.
      await this.handler.quarantine(path, raw, 'unknown webhook path');
      void reply.status(202);
      return { status: 'quarantined' };
    }
    const oversized = oversizedKeyField(spec, payload);
    if (oversized) {
      throw new DomainError('VALIDATION_FAILED', `${oversized}: longer than ${MAX_KEY_FIELD_LENGTH} characters, not an identifier`, { field: oversized });
    }
    const outcome = await this.handler.receive(spec, payload, raw);
    return { status: outcome };
  }
}

/** A quarantined body is for a human to read; a real P100 webhook is a few hundred bytes. */
export const QUARANTINE_MAX_BYTES = 16 * 1024;

/** The bounded exact parse (depth, numbers, strings) of a webhook body, which must be a JSON object. */
function parseWebhookBody(raw: string): Record<string, unknown> {
  let payload: unknown;
  try {
    payload = parseBoundedJson(raw);
  } catch (error) {
    if (error instanceof JsonInputError) throw new DomainError(error.code, error.message, { field: error.field });
    throw error;
  }
  if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) {
    throw new DomainError('VALIDATION_FAILED', '(body): a webhook must be a JSON object', { field: '(body)' });
  }
  return payload as Record<string, unknown>;
}
