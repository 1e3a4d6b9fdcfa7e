/**
 * Exact JSON for P100 bodies: the helpers live in @platform/contracts (the Kafka adapter needs
 * them too); the P100-specific part, which fields P100 wants as number literals, stays here.
 */
import { jsonNumber } from '@platform/contracts';

export { isJsonNumber, jsonNumber, parseJsonExact, stringifyJson, toPlainDecimal, type JsonNumber } from '@platform/contracts';

/** Wraps the named top-level fields as number literals where P100 expects JSON numbers. */
export function withNumberFields(body: unknown, fields: readonly string[] | undefined): unknown {
  if (!fields?.length || typeof body !== 'object' || body === null || Array.isArray(body)) return body;
  const copy: Record<string, unknown> = { ...(body as Record<string, unknown>) };
  for (const field of fields) {
    if (typeof copy[field] === 'string') copy[field] = jsonNumber(copy[field] as string);
  }
  return copy;
}
