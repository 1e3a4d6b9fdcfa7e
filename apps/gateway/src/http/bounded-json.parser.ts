import type { FastifyInstance } from 'fastify';
import { DomainError, JsonInputError, parseBoundedJson } from '@platform/contracts';

/**
 * The gateway's JSON bodies go through the platform's bounded parser instead of Fastify's own:
 * depth, number size, string length, and no NUL or unpaired surrogate anywhere — what P100
 * (and Postgres behind it) would refuse later, leaving a user half-created, is a 400 naming the
 * field before any work. Numbers stay numbers: our request schemas carry amounts as strings.
 */
export function useBoundedJsonParser(fastify: FastifyInstance): void {
  fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    try {
      done(null, parseBoundedJson(body as string, undefined, 'plain'));
    } catch (error) {
      if (error instanceof JsonInputError) {
        done(Object.assign(new DomainError(error.code, error.message, { field: error.field }), { statusCode: 400 }), undefined);
      } else done(error as Error, undefined);
    }
  });
}
