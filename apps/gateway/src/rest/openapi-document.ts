import type { OpenAPIObject } from '@nestjs/swagger';
import { z, type ZodType } from 'zod';
import { ERROR_CODES } from '@platform/contracts';
import type { AnyOperation as Operation } from '../operations/operation';

type Json = Record<string, unknown>;

const ERROR_REF = { $ref: '#/components/schemas/Error' };
/** Answers any operation may give besides its success (the error shape is the same for all). */
const ERROR_RESPONSES: Record<string, string> = {
  400: 'Invalid input (`VALIDATION_FAILED` naming the field, `MALFORMED_JSON`, …)',
  401: '`UNAUTHENTICATED`: no or an unknown x-api-key',
  403: '`PERMISSION_DENIED`: the key lacks the scope named in the message',
  404: '`USER_NOT_FOUND` / `MOVEMENT_NOT_FOUND` / `RATE_LOCK_NOT_FOUND` / `NOT_FOUND`',
  409: 'A conflict (`USER_ALREADY_EXISTS`, `RATE_LOCK_EXPIRED`, `RATE_LOCK_USED`, `IDEMPOTENCY_REQUEST_IN_PROGRESS`)',
  422: '`IDEMPOTENCY_KEY_REUSED` (the key was used for another request), `INSUFFICIENT_FUNDS`, `LIMIT_EXCEEDED` or `P100_REJECTED`',
  429: '`RATE_LIMITED`: over the client\'s rate limit; see Retry-After',
  503: '`P100_UNAVAILABLE` / `SERVICE_UNAVAILABLE`: retry later (with the same Idempotency-Key)',
  504: '`UPSTREAM_TIMEOUT` / `DEADLINE_EXCEEDED`: the outcome is not known yet; retry with the same Idempotency-Key',
};

const schemaOf = (schema: ZodType, io: 'input' | 'output'): Json => {
  const { $schema: _ignored, ...json } = z.toJSONSchema(schema, { io, target: 'openapi-3.0', unrepresentable: 'any' }) as Json;
  return json;
};

/** `/v1/users/:externalUserId` → `/v1/users/{externalUserId}`. */
export const openApiPath = (fastifyPath: string) => fastifyPath.replace(/:([A-Za-z0-9_]+)/g, '{$1}');

/**
 * The OpenAPI description of every operation of the table, merged into the document Nest
 * builds for its own routes (health): request and response schemas from the same zod schemas
 * that validate them, the scope, the Idempotency-Key rule and the gRPC twin of each.
 */
export function withOperations(document: OpenAPIObject, operations: readonly Operation[]): OpenAPIObject {
  const paths: Json = { ...document.paths };
  for (const op of operations) {
    const path = openApiPath(op.rest.path);
    paths[path] = { ...(paths[path] as Json | undefined), [op.rest.method.toLowerCase()]: describe(op) };
  }
  const tags = [...new Set(operations.map((op) => op.tag))].map((name) => ({ name }));
  return {
    ...document,
    tags: [...(document.tags ?? []), ...tags.filter((t) => !document.tags?.some((d) => d.name === t.name))],
    paths: paths as OpenAPIObject['paths'],
    components: {
      ...document.components,
      schemas: { ...document.components?.schemas, Error: errorSchema() },
    },
  };
}

function describe(op: Operation): Json {
  const parameters: Json[] = [...urlParameters(op, 'path', op.rest.params), ...urlParameters(op, 'query', op.rest.query)];
  if (op.idempotency !== 'none') {
    parameters.push({
      name: 'Idempotency-Key',
      in: 'header',
      required: op.idempotency === 'required',
      description: 'Repeat a request safely: the same key returns the first answer; another request with it is refused (422)',
      schema: { type: 'string', pattern: '^[A-Za-z0-9._:-]{1,255}$' },
    });
  }
  const responses: Json = {
    [op.rest.successStatus]: { description: 'Success', content: { 'application/json': { schema: schemaOf(op.output, 'output') } } },
  };
  for (const [status, description] of Object.entries(ERROR_RESPONSES)) {
    responses[status] = { description, content: { 'application/json': { schema: ERROR_REF } } };
  }
  return {
    operationId: op.name,
    tags: [op.tag],
    summary: op.summary,
    description: `Scope \`${op.scope}\`. Idempotency-Key: ${op.idempotency}. Also over gRPC: \`p100platform.v1.${op.grpc.service}/${op.grpc.method}\`.`,
    security: [{ 'api-key': [] }],
    parameters,
    ...(requestBody(op) ? { requestBody: requestBody(op) } : {}),
    responses,
  };
}

/**
 * Path and query parameters, each with its schema from the input schema (so the document shows
 * the same pattern or enum the validation applies); a path parameter is always required, a query
 * parameter when the input schema requires it.
 */
function urlParameters(op: Operation, where: 'path' | 'query', described: Record<string, string> = {}): Json[] {
  const input = schemaOf(op.input, 'input');
  const properties = (input.properties ?? {}) as Json;
  const required = new Set((input.required ?? []) as string[]);
  return Object.entries(described).map(([name, description]) => ({
    name,
    in: where,
    required: where === 'path' || required.has(name),
    description,
    schema: properties[name] ?? { type: 'string' },
  }));
}

function requestBody(op: Operation): Json | undefined {
  if (op.rest.body === 'json') return { required: true, content: { 'application/json': { schema: jsonBodySchema(op) } } };
  if (op.rest.body === 'multipart') {
    return {
      required: true,
      content: {
        'multipart/form-data': {
          schema: { type: 'object', required: ['files'], properties: { files: { type: 'array', items: { type: 'string', format: 'binary' } } } },
        },
      },
    };
  }
  return undefined;
}

/**
 * The input schema without what the URL carries: the edge puts the path (and declared query)
 * parameters over the body, so listing them in the body too would ask callers to send them twice.
 */
function jsonBodySchema(op: Operation): Json {
  const fromUrl = new Set([...Object.keys(op.rest.params ?? {}), ...Object.keys(op.rest.query ?? {})]);
  const { properties = {}, required = [], ...rest } = schemaOf(op.input, 'input') as Json & { properties?: Json; required?: string[] };
  const inBody = required.filter((name) => !fromUrl.has(name));
  return {
    ...rest,
    properties: Object.fromEntries(Object.entries(properties).filter(([name]) => !fromUrl.has(name))),
    ...(inBody.length > 0 ? { required: inBody } : {}),
  };
}

function errorSchema(): Json {
  return {
    type: 'object',
    required: ['error'],
    properties: {
      error: {
        type: 'object',
        required: ['code', 'message'],
        properties: {
          code: { type: 'string', enum: Object.keys(ERROR_CODES), description: 'stable error code' },
          message: { type: 'string' },
          details: { type: 'object', additionalProperties: true, description: 'e.g. field, issues, requiredScope, retryAfterSeconds' },
        },
      },
    },
  };
}
