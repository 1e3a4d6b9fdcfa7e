import { readContract, type ContractOperation, type ContractResponse, type P100Contract } from './openapi-document';
import { SchemaValidator } from './schema-validator';
import { openapiWebhookName } from './webhook-names';

/** The verdict on one response or webhook: `problems` says what breaks the contract. */
export interface ContractCheck {
  ok: boolean;
  problems: string[];
}

export interface ContractValidator {
  readonly contract: P100Contract;
  validateResponse(operationId: string, status: number, body: unknown): ContractCheck;
  validateWebhook(event: string, payload: unknown): ContractCheck;
}

/**
 * Validation against openapi.yaml. A response must have a status the operation documents; its
 * body must match that status's schema (JSON bodies as parsed by plain JSON.parse, so numbers are
 * numbers as on the wire; text/html as a string); and when the operation lists `x-error-codes`,
 * an error body's `errorCode` must be one of them. A webhook payload must match the schema of
 * its openapi.yaml webhook (our catalog's event names are accepted too).
 */
export function createContractValidator(contract: P100Contract = readContract()): ContractValidator {
  const schemas = new SchemaValidator(contract);
  return {
    contract,
    validateResponse(operationId, status, body) {
      const operation = contract.operation(operationId);
      if (!operation) return verdict([`${operationId} is not an operation of openapi.yaml`]);
      const declared = documentedResponse(operation, status);
      if (!declared) {
        const documented = operation.responses.map((r) => r.status).join(', ');
        return verdict([`HTTP ${status} is not a documented response of ${operationId} (documented: ${documented})`]);
      }
      const problems: string[] = [];
      if (declared.schemaPointer) {
        if (declared.mediaType?.includes('json')) problems.push(...schemas.problems(declared.schemaPointer, body));
        else if (typeof body !== 'string') problems.push(`${declared.mediaType} body expected, got ${typeof body}`);
      }
      const code = errorCodeOf(body);
      if (code && operation.errorCodes && !operation.errorCodes.includes(code)) {
        problems.push(`error code ${code} is not documented for ${operationId} (x-error-codes: ${operation.errorCodes.join(', ')})`);
      }
      return verdict(problems);
    },
    validateWebhook(event, payload) {
      const name = openapiWebhookName(event);
      const webhook = contract.webhooks.find((w) => w.name === name);
      if (!webhook) return verdict([`${event} is not a webhook of openapi.yaml`]);
      return verdict(webhook.schemaPointer ? schemas.problems(webhook.schemaPointer, payload) : []);
    },
  };
}

/** Exact status first, then a `4XX`-style range, then `default`. */
function documentedResponse(operation: ContractOperation, status: number): ContractResponse | undefined {
  const text = String(status);
  return (
    operation.responses.find((r) => r.status === text) ??
    operation.responses.find((r) => r.status.toUpperCase() === `${text[0]}XX`) ??
    operation.responses.find((r) => r.status === 'default')
  );
}

function errorCodeOf(body: unknown): string | undefined {
  const code = (body as { errorCode?: unknown } | null)?.errorCode;
  return typeof body === 'object' && typeof code === 'string' ? code : undefined;
}

const verdict = (problems: string[]): ContractCheck => ({ ok: problems.length === 0, problems });

let shared: ContractValidator | undefined;

/** The validator of ../shared/p100-api/openapi.yaml, built on first use. */
export function defaultContractValidator(): ContractValidator {
  shared ??= createContractValidator();
  return shared;
}

/** Validates a P100 response (status + parsed body) against openapi.yaml. */
export function validateResponse(operationId: string, status: number, body: unknown): ContractCheck {
  return defaultContractValidator().validateResponse(operationId, status, body);
}

/** Validates a webhook payload against openapi.yaml (`event`: catalog event or openapi name). */
export function validateWebhook(event: string, payload: unknown): ContractCheck {
  return defaultContractValidator().validateWebhook(event, payload);
}
