import type { IHeaders } from 'kafkajs';
import type { KafkaContext } from '@nestjs/microservices';
import type { IncomingMessage } from '@platform/contracts';
import { decodeMessageValue } from './message-value';
import { catalogTopic } from './topic-namespace';

/** Kafka header values arrive as Buffers (or arrays of them); the platform works with strings. */
export function headersToStrings(headers: IHeaders | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined && first !== null) out[name] = Buffer.isBuffer(first) ? first.toString('utf8') : String(first);
  }
  return out;
}

/** Adapts Nest's Kafka context to the client-neutral message the inbox consumer takes. */
export function toIncomingMessage(data: unknown, context: KafkaContext): IncomingMessage {
  const raw = context.getMessage();
  const key = raw.key === null || raw.key === undefined ? null : Buffer.isBuffer(raw.key) ? raw.key.toString('utf8') : String(raw.key);
  return {
    topic: catalogTopic(context.getTopic()),
    partition: context.getPartition(),
    offset: raw.offset,
    key,
    headers: headersToStrings(raw.headers as IHeaders),
    value: decodeMessageValue(data, 'exact'),
    ...(Buffer.isBuffer(data) ? { rawValue: data.toString('utf8') } : {}),
  };
}
