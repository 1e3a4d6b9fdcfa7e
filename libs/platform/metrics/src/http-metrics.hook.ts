import type { FastifyInstance } from 'fastify';
import { httpMetrics } from './standard-metrics';

/** Records count and latency of every HTTP request, labelled by route template (not raw URL). */
export function registerHttpMetrics(fastify: FastifyInstance): void {
  const metrics = httpMetrics();
  fastify.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions?.url ?? 'unmatched';
    const labels = { method: request.method, route, status: String(reply.statusCode) };
    metrics.requests.inc(labels);
    metrics.duration.observe(labels, reply.elapsedTime / 1000);
    done();
  });
}
