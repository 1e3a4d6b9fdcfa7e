import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

/** The repository root (this file lives in libs/p100-contract/src). */
export const WORKSPACE_ROOT = path.resolve(__dirname, '..', '..', '..');

/**
 * Where the P100 contract lives: `P100_OPENAPI_PATH` when set, else `../shared/p100-api/openapi.yaml`
 * beside the repository (the layout of our machines and of CI).
 */
export function openapiPath(env: Record<string, string | undefined> = process.env): string {
  return env['P100_OPENAPI_PATH'] ?? path.resolve(WORKSPACE_ROOT, '..', 'shared', 'p100-api', 'openapi.yaml');
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
const METHODS: readonly HttpMethod[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

/** One documented response of an operation: its status and, when documented, its JSON or text schema. */
export interface ContractResponse {
  status: string;
  /** `#/...` pointer of the schema inside the document, or undefined when no body is documented. */
  schemaPointer?: string;
  mediaType?: string;
}

export interface ContractOperation {
  operationId: string;
  method: HttpMethod;
  /** As written in the contract, e.g. `/v1/user/balances/{externalUserId}`. */
  path: string;
  /** `x-source` of the operation (doc, old-doc, third-party, inferred). */
  source: string;
  responses: readonly ContractResponse[];
  /** `x-error-codes` when the contract lists them for the operation. */
  errorCodes?: readonly string[];
}

export interface ContractWebhook {
  name: string;
  schemaPointer?: string;
}

export interface P100Contract {
  /** The parsed document; schemas are compiled from it by pointer. */
  document: Record<string, unknown>;
  operations: readonly ContractOperation[];
  webhooks: readonly ContractWebhook[];
  operation(operationId: string): ContractOperation | undefined;
}

type Json = Record<string, any>;

/** Parses openapi.yaml into the operations and webhooks the contract documents. */
export function readContract(file = openapiPath()): P100Contract {
  if (!existsSync(file)) throw new Error(`P100 contract not found at ${file} (set P100_OPENAPI_PATH)`);
  const document = parse(readFileSync(file, 'utf8')) as Json;
  const operations: ContractOperation[] = [];
  for (const [pathTemplate, item] of Object.entries<Json>(document['paths'] ?? {})) {
    for (const method of METHODS) {
      const operation = item[method.toLowerCase()] as Json | undefined;
      if (!operation) continue;
      const pointer = `#/paths/${escapePointer(pathTemplate)}/${method.toLowerCase()}`;
      operations.push({
        operationId: String(operation['operationId']),
        method,
        path: pathTemplate,
        source: String(operation['x-source'] ?? 'doc'),
        responses: readResponses(document, operation['responses'] ?? {}, `${pointer}/responses`),
        errorCodes: operation['x-error-codes'] as string[] | undefined,
      });
    }
  }
  const webhooks: ContractWebhook[] = Object.entries<Json>(document['webhooks'] ?? {}).map(([name, item]) => ({
    name,
    schemaPointer: item['post']?.['requestBody']?.['content']?.['application/json']?.['schema']
      ? `#/webhooks/${escapePointer(name)}/post/requestBody/content/application~1json/schema`
      : undefined,
  }));
  const byId = new Map(operations.map((op) => [op.operationId, op]));
  return { document, operations, webhooks, operation: (id) => byId.get(id) };
}

function readResponses(document: Json, responses: Json, pointer: string): ContractResponse[] {
  return Object.entries<Json>(responses).map(([status, declared]) => {
    // Shared responses (components/responses) are followed so the schema pointer is direct.
    let base = `${pointer}/${escapePointer(status)}`;
    let response = declared;
    if (typeof declared['$ref'] === 'string') {
      base = declared['$ref'] as string;
      response = resolvePointer(document, base) as Json;
    }
    const [mediaType] = Object.keys(response['content'] ?? {});
    return {
      status,
      mediaType,
      schemaPointer: mediaType ? `${base}/content/${escapePointer(mediaType)}/schema` : undefined,
    };
  });
}

export function resolvePointer(document: unknown, pointer: string): unknown {
  return pointer
    .replace(/^#\//, '')
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>((node, key) => (node as Json | undefined)?.[key], document);
}

function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}
