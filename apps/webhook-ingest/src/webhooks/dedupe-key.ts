import { createHash } from 'node:crypto';
import type { WebhookSpec } from '@platform/contracts';

/**
 * Dedupe key of one webhook occurrence: `<event>:<object id>:<status>...` from the fields the
 * catalog names (P100 advises object id + status). When a payload carries none of them, the
 * SHA-256 of its exact body is used, so an identical redelivery is still recognised.
 */
export function dedupeKey(spec: WebhookSpec, payload: Record<string, unknown>, rawBody: string): string {
  const parts = spec.dedupeFields.map((f) => payload[f]).filter((v) => v !== undefined && v !== null && v !== '');
  if (parts.length === 0) return `${spec.event}:sha256:${sha256(rawBody)}`;
  return `${spec.event}:${spec.dedupeFields.map((f) => keyPart(f, payload[f])).join(':')}`;
}

/**
 * One-time codes (3DS, card activation) identify their occurrence but must not sit in clear in
 * an indexed column that operators list: they enter the key as their SHA-256.
 */
const SECRET_FIELDS = new Set(['code']);

function keyPart(field: string, value: unknown): string {
  const text = String(value ?? '');
  return SECRET_FIELDS.has(field) && text !== '' ? `sha256-${sha256(text)}` : text;
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Kafka message key: the first present key field, so events of one entity stay in order. */
export function messageKey(spec: WebhookSpec, payload: Record<string, unknown>): string {
  for (const field of spec.keyFields) {
    const value = payload[field];
    if (value !== undefined && value !== null && value !== '') return String(value);
  }
  return spec.event;
}
