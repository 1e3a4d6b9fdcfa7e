import type { FastifyInstance } from 'fastify';
import { WebhookTokenVerifier } from '@platform/p100-client';
import { isAdminRoute } from '../admin/admin-auth.guard';
import { webhookMetrics } from './webhook-metrics';

/**
 * Checks P100's Authorization token before the body is even read: an unauthenticated request
 * costs us no parsing and is never stored. Constant-time comparison, current or previous secret.
 * The operator API has its own token (admin-auth.guard.ts).
 */
export function registerWebhookAuth(fastify: FastifyInstance, verifier: WebhookTokenVerifier): void {
  const metrics = webhookMetrics();
  fastify.addHook('onRequest', (request, reply, done) => {
    // Only routes of the operator API skip this check (they have their own guard); matching on the
    // route, not the URL, so that an unknown /admin/... path still meets the webhook catch-all's token check.
    if (request.method !== 'POST' || isAdminRoute(request)) return done();
    if (verifier.verify(request.headers.authorization)) return done();
    metrics.authRejected.inc();
    void reply
      .status(401)
      .header('content-type', 'application/json')
      .send({ error: { code: 'UNAUTHENTICATED', message: 'missing or wrong Authorization token' } });
  });
}
