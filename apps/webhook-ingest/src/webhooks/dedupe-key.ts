import { hash } from 'node:crypto';
import type { WebhookSpec } from '@platform/contracts';

/** Longest value of an identifying field (ids, statuses): longer is not an id, and a 200 KB key
 * would stall the event loop in the Kafka partitioner and overflow a btree index row. */
export const MAX_KEY_FIELD_LENGTH = 256;

/**
 * Dedupe key of one webhook occurrence, from the fields the catalog names (P100 advises object
 * id + status): `<event>:v2:<sha256 of the canonical encoding of those values>`. The encoding is
 * injective — each value is written as a typed JSON tuple, objects with sorted keys — so two
 * different occurrences can never share a key (v1 joined the values with ':', so "a:v1" + "x"
 * met "a" + "v1:x", and every object became "[object Object]"). One-time codes enter only
 * through the hash. When a payload carries none of the fields, the SHA-256 of its exact body is
 * used, so an identical redelivery is still recognised. Rows stored with v1 keys are re-keyed by
 * migration 1764600000000.
 */
export function dedupeKey(spec: WebhookSpec, payload: Record<string, unknown>, rawBody: string): string {
  const present = spec.dedupeFields.some((f) => !isAbsent(payload[f]));
  if (!present) return `${spec.event}:sha256:${sha256(rawBody)}`;
  const canonical = JSON.stringify(spec.dedupeFields.map((f) => encode(payload[f])));
  return `${spec.event}:v2:${sha256(canonical)}`;
}

type Encoded = [string, ...unknown[]];

/** A typed tuple per value: ["s", text], ["a", [...]], ["o", [[name, value], ...sorted]], ... */
function encode(value: unknown): Encoded {
  if (isAbsent(value)) return ['-'];
  if (typeof value === 'string') return ['s', value];
  if (typeof value === 'boolean') return ['b', value];
  // Exact JSON turns numbers into decimal strings before we get here; a number is its text.
  if (typeof value === 'number' || typeof value === 'bigint') return ['s', String(value)];
  if (Array.isArray(value)) return ['a', value.map(encode)];
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return ['o', entries.map(([name, item]) => [name, encode(item)])];
  }
  return ['?', String(value)];
}

/** Absent, null and '' all mean "not given" (as in v1, so a redelivery keeps its key). */
function isAbsent(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}

function sha256(text: string): string {
  return hash('sha256', text, 'hex');
}

/**
 * The first identifying field that is too long to be an id, if any: the edge refuses such a
 * webhook with 400 before storing it.
 */
export function oversizedKeyField(spec: WebhookSpec, payload: Record<string, unknown>): string | undefined {
  for (const field of new Set([...spec.keyFields, ...spec.dedupeFields])) {
    const value = payload[field];
    if (value !== undefined && value !== null && typeof value !== 'object' && String(value).length > MAX_KEY_FIELD_LENGTH) return field;
    if (value !== null && typeof value === 'object' && JSON.stringify(value).length > MAX_KEY_FIELD_LENGTH) return field;
  }
  return undefined;
}

/** Kafka message key: the first present key field, so events of one entity stay in order. */
export function messageKey(spec: WebhookSpec, payload: Record<string, unknown>): string {
  for (const field of spec.keyFields) {
    const value = payload[field];
    if (value !== undefined && value !== null && value !== '') return typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
  return spec.event;
}
