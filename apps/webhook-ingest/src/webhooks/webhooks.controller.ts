import { Controller, HttpCode, Post, Req, Res, type RawBodyRequest } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, WEBHOOK_CATALOG, parseJsonExact, type WebhookSpec } from '@platform/contracts';
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
    // Fastify has parsed (and so validated) the JSON; we keep the exact text it came as.
    const raw = request.headers['content-type']?.startsWith('application/json') ? request.rawBody?.toString('utf8') : undefined;
    if (raw === undefined) {
      throw new DomainError('UNSUPPORTED_MEDIA_TYPE', 'webhooks must be application/json');
    }
    const path = request.url.split('?')[0]!;
    const spec = SPEC_BY_PATH.get(path);
    if (!spec) {
      await this.handler.quarantine(path, raw, 'unknown webhook path');
      void reply.status(202);
      return { status: 'quarantined' };
    }
    const payload = parseJsonExact(raw);
    if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) {
      throw new DomainError('VALIDATION_FAILED', 'webhook body must be a JSON object');
    }
    const outcome = await this.handler.receive(spec, payload as Record<string, unknown>, raw);
    return { status: outcome };
  }
}
