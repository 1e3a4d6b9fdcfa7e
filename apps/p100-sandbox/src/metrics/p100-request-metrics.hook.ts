import type { FastifyInstance } from 'fastify';
import { errorCodeOf, isP100Path, operationOf } from '../shared/p100-request';
import { sandboxMetrics } from './sandbox-metrics';

/** Counts every answer on a P100 path, including 401s and unknown routes. */
export function registerP100RequestMetrics(fastify: FastifyInstance): void {
  const { requests } = sandboxMetrics();
  fastify.addHook('onResponse', (request, reply, done) => {
    if (isP100Path(request.url)) {
      requests.inc({
        // Requests that fail before the guard runs (malformed JSON) are named by their route.
        operation: operationOf(request) ?? request.routeOptions?.url ?? 'unmatched',
        status: errorCodeOf(request) ?? String(reply.statusCode),
      });
    }
    done();
  });
}
