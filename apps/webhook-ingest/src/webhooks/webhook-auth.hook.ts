import type { FastifyInstance } from 'fastify';
import { WebhookTokenVerifier } from '@platform/p100-client';
import { webhookMetrics } from './webhook-metrics';

/**
 * Checks P100's Authorization token before the body is even read: an unauthenticated request
 * costs us no parsing and is never stored. Constant-time comparison, current or previous secret.
 */
export function registerWebhookAuth(fastify: FastifyInstance, verifier: WebhookTokenVerifier): void {
  const metrics = webhookMetrics();
  fastify.addHook('onRequest', (request, reply, done) => {
    if (request.method !== 'POST') return done();
    if (verifier.verify(request.headers.authorization)) return done();
    metrics.authRejected.inc();
    void reply
      .status(401)
      .header('content-type', 'application/json')
      .send({ error: { code: 'UNAUTHENTICATED', message: 'missing or wrong Authorization token' } });
  });
}
