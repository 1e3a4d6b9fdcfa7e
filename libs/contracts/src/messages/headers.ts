/**
 * Headers every platform Kafka message carries. `event-id` is unique and stable across
 * redelivery (consumers dedupe on it); `type` names the payload schema and its version.
 */
export const MessageHeaders = {
  eventId: 'event-id',
  type: 'type',
  occurredAt: 'occurred-at',
  correlationId: 'correlation-id',
  /**
   * Commands only: when the caller stops waiting, as epoch milliseconds (decimal text). A service
   * does not start a command past it, and bounds its P100 calls by it (docs/timeouts.md).
   */
  deadline: 'deadline',
} as const;

/** A message as it leaves a service (outbox row → Kafka record). */
export interface OutgoingMessage {
  topic: string;
  key: string;
  /** JSON text of the payload. */
  value: string;
  headers: Record<string, string>;
}

/** A message as a consumer sees it, independent of the Kafka client library. */
export interface IncomingMessage {
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  headers: Record<string, string>;
  /** Parsed JSON value (validated by the consumer's schema before use). */
  value: unknown;
  /** The body's exact text as it arrived: what a dead letter carries, byte for byte. */
  rawValue?: string;
}
