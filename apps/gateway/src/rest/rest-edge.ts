import { Logger } from '@nestjs/common';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '@platform/contracts';
import { sendHttpError } from '@platform/service';
import type { AccessControl } from '../access/access-control';
import type { AuthenticatedClient } from '../access/client-registry';
import type { AnyOperation as Operation } from '../operations/operation';
import type { OperationInvoker } from '../operations/operation-invoker';

/** Product-service paths; /health, /metrics and /docs stay open. */
const PROTECTED = /^\/v\d+\//;

type AdmittedRequest = FastifyRequest & { client?: AuthenticatedClient };
const operationOf = (request: FastifyRequest) => (request.routeOptions.config as { operation?: Operation } | undefined)?.operation;

/**
 * Serves every operation of the table as a Fastify route. Access is decided in `onRequest`,
 * before Fastify reads or parses a body: an unauthenticated, unauthorised or rate-limited call
 * gets its 401/403/429 whatever it sends, and costs no parsing.
 */
export function registerRestEdge(fastify: FastifyInstance, operations: readonly Operation[], access: AccessControl, invoker: OperationInvoker): void {
  const logger = new Logger('RestEdge');
  const fail = (reply: FastifyReply, error: unknown) => sendHttpError(reply, error, logger);

  fastify.addHook('onRequest', (request, reply, done) => {
    const operation = operationOf(request);
    if (!operation && !PROTECTED.test(request.url)) return done();
    try {
      const key = request.headers['x-api-key'];
      (request as AdmittedRequest).client = operation ? access.admit(operation, key) : access.authenticate('unmatched', key);
      done();
    } catch (error) {
      void fail(reply, error);
    }
  });

  for (const operation of operations) {
    fastify.route({
      method: operation.rest.method,
      url: operation.rest.path,
      config: { operation },
      errorHandler: (error, _request, reply) => fail(reply, error),
      handler: async (request, reply) => {
        const params = (request.params ?? {}) as Record<string, string>;
        const input = operation.rest.readInput ? await operation.rest.readInput(request, params) : defaultInput(operation, request, params);
        const result = await invoker.invoke(operation, {
          edge: 'rest',
          client: (request as AdmittedRequest).client!,
          input,
          idempotencyKey: idempotencyKeyOf(request),
        });
        if (operation.noStore) reply.header('cache-control', 'no-store');
        return reply.status(result.status).send(result.body);
      },
    });
  }
}

/**
 * A JSON body with the declared query parameters and the path parameters over it; operations
 * without a body take the parameters alone. The URL wins over the body, so a body cannot name
 * another user than the path. The whole query string is taken when an operation declares one,
 * so that a misspelt or unknown parameter is refused by the strict schema (400 naming it)
 * rather than silently ignored; a repeated one arrives as an array and is refused the same way.
 */
function defaultInput(operation: Operation, request: FastifyRequest, params: Record<string, string>): unknown {
  const fromUrl = operation.rest.query ? { ...(request.query as Record<string, unknown>), ...params } : params;
  if (operation.rest.body !== 'json') return fromUrl;
  if (Object.keys(fromUrl).length === 0) return request.body;
  const body = request.body;
  return typeof body === 'object' && body !== null && !Array.isArray(body) ? { ...body, ...fromUrl } : body;
}

function idempotencyKeyOf(request: FastifyRequest): string | undefined {
  const value = request.headers['idempotency-key'];
  if (Array.isArray(value)) throw new DomainError('VALIDATION_FAILED', 'Idempotency-Key: send one header, not several', { field: 'Idempotency-Key' });
  return value;
}
