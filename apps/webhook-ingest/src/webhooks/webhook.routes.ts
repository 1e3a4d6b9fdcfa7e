import { Logger } from '@nestjs/common';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DomainError, JsonInputError, WEBHOOK_CATALOG, parseBoundedJson, type WebhookSpec } from '@platform/contracts';
import { sendHttpError } from '@platform/service';
import { MAX_KEY_FIELD_LENGTH, oversizedKeyField } from './dedupe-key';
import type { ReceiveWebhookHandler } from './receive-webhook.handler';

const SPEC_BY_PATH = new Map<string, WebhookSpec>(WEBHOOK_CATALOG.map((s) => [s.path, s]));

/** A webhook on an unknown path is kept for a human to read; a real P100 webhook is a few hundred bytes. */
export const QUARANTINE_MAX_BYTES = 16 * 1024;

const WEBHOOK_ROUTE = { webhook: true };
const isWebhookRoute = (request: FastifyRequest) => (request.routeOptions.config as { webhook?: boolean } | undefined)?.webhook === true;

/**
 * One Fastify route for every P100 webhook path (the catalog in @platform/contracts), registered
 * on Fastify itself rather than through a Nest controller: the hottest path of the service, and
 * the profile showed Nest's router and Fastify's JSON parse (whose result the bounded parse below
 * replaced anyway) as a good part of its cost. The path names the event; the body is kept exactly
 * as received and parsed once, with bounds. The token is checked before the body is read
 * (webhook-auth.hook.ts); refusals are counted in invalid-webhook-metrics.hook.ts; errors get the
 * platform's one error reply (sendHttpError), as from the HTTP filter.
 */
export function registerWebhookRoutes(fastify: FastifyInstance, handler: ReceiveWebhookHandler): void {
  const logger = new Logger('WebhookRoutes');
  // JSON bodies of webhook routes stay text (the route parses them with bounds, and stores the
  // exact text); the operator API's bodies get Fastify's default (prototype-safe) parse.
  const defaultJson = fastify.getDefaultJsonParser('error', 'error');
  fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    if (isWebhookRoute(request)) done(null, body);
    else defaultJson(request, body as string, done);
  });

  fastify.route({
    method: 'POST',
    url: '/*',
    config: WEBHOOK_ROUTE,
    errorHandler: (error, _request, reply) => sendHttpError(reply, error, logger),
    handler: async (request, reply) => {
      // Media types are case-insensitive (bootstrapService lower-cases them before Fastify matches a parser).
      const raw = request.headers['content-type']?.startsWith('application/json') && typeof request.body === 'string' ? request.body : undefined;
      if (raw === undefined) throw new DomainError('UNSUPPORTED_MEDIA_TYPE', 'webhooks must be application/json');
      const query = request.url.indexOf('?');
      const path = query < 0 ? request.url : request.url.slice(0, query);
      const spec = SPEC_BY_PATH.get(path);
      // An unknown path is kept for an operator, within a cap of its own.
      if (!spec && Buffer.byteLength(raw) > QUARANTINE_MAX_BYTES) {
        throw new DomainError('PAYLOAD_TOO_LARGE', `a webhook on an unknown path is kept only up to ${QUARANTINE_MAX_BYTES} bytes`);
      }
      const payload = parseWebhookBody(raw);
      if (!spec) {
        // Only a well-formed JSON object (parseWebhookBody): an authenticated event we cannot route.
        await handler.quarantine(path, raw, 'unknown webhook path');
        return reply.status(202).send({ status: 'quarantined' });
      }
      const oversized = oversizedKeyField(spec, payload);
      if (oversized) {
        throw new DomainError('VALIDATION_FAILED', `${oversized}: longer than ${MAX_KEY_FIELD_LENGTH} characters, not an identifier`, { field: oversized });
      }
      const outcome = await handler.receive(spec, payload, raw);
      return reply.status(200).header('content-type', 'application/json; charset=utf-8').send(outcome === 'stored' ? STORED : DUPLICATE);
    },
  });
}

// Serialised once: every answer of the hot path is one of these two.
const STORED = JSON.stringify({ status: 'stored' });
const DUPLICATE = JSON.stringify({ status: 'duplicate' });

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
