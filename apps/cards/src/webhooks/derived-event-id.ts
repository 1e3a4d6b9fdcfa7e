import { createHash } from 'node:crypto';

/**
 * A UUID derived from the inbox event that caused an event (name-based, like UUIDv5 but on
 * SHA-256): the outbox's unique event id then makes a second enqueue of it a no-op, and
 * consumers that dedupe on `event-id` see one event however often P100 or Kafka repeats the cause.
 */
export function derivedEventId(purpose: string, causeEventId: string): string {
  const hex = createHash('sha256').update(`${purpose}\u0000${causeEventId}`).digest('hex');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
