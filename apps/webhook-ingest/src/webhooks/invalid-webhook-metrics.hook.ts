import type { FastifyInstance } from 'fastify';
import { isAdminRoute } from '../admin/admin-auth.guard';
import { webhookMetrics } from './webhook-metrics';

const REASON_BY_STATUS: Record<number, string> = { 400: 'malformed', 413: 'too_large', 415: 'not_json' };

/**
 * Counts refused webhooks by reason in one place, whoever refused them: Fastify's JSON parser
 * (400) and body limit (413) answer before any controller runs.
 */
export function registerInvalidWebhookMetrics(fastify: FastifyInstance): void {
  const metrics = webhookMetrics();
  fastify.addHook('onResponse', (request, reply, done) => {
    const reason = REASON_BY_STATUS[reply.statusCode];
    if (reason && request.method === 'POST' && !isAdminRoute(request)) metrics.invalid.inc({ reason });
    done();
  });
}
