import type { FastifyInstance } from 'fastify';
import { DomainError, statusForCode } from '@platform/contracts';
import type { AuthenticatedRequest } from './api-key.guard';
import { ApiKeys } from './api-keys';

/** Routes for product services; /health, /metrics and /docs stay open. */
const PROTECTED = /^\/v\d+\//;

/**
 * Authenticates before Fastify reads or parses the body (an `onRequest` hook runs first): an
 * unauthenticated request gets 401 whatever its body or content type, and costs no parsing.
 */
export function authenticateBeforeParse(fastify: FastifyInstance, keys: ApiKeys): void {
  fastify.addHook('onRequest', (request, reply, done) => {
    if (!PROTECTED.test(request.url)) return done();
    try {
      (request as AuthenticatedRequest).caller = keys.authenticate(request.headers['x-api-key']);
      done();
    } catch (error) {
      if (!(error instanceof DomainError)) return done(error as Error);
      void reply.status(statusForCode(error.code)).header('content-type', 'application/json').send({ error: { code: error.code, message: error.message } });
    }
  });
}
