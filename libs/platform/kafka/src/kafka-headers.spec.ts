import { KafkaContext } from '@nestjs/microservices';
import { MessageHeaders } from '@platform/contracts';
import { headersToStrings, toIncomingMessage } from './kafka-headers';

/** A record as kafkajs hands it to Nest: key and header values are Buffers. */
function contextFor(message: { key: Buffer | null; headers: Record<string, unknown>; offset?: string }, topic = 't', partition = 2) {
  const raw = { key: message.key, headers: message.headers, offset: message.offset ?? '7', value: Buffer.from('{}'), timestamp: '0', attributes: 0, size: 0 };
  return new KafkaContext([raw as never, partition, topic, {} as never, async () => undefined, {} as never]);
}

describe('headersToStrings', () => {
  it('decodes Buffer values as UTF-8, keeps strings, takes the first of repeated headers and drops empty ones', () => {
    expect(
      headersToStrings({
        [MessageHeaders.eventId]: Buffer.from('evt-1'),
        [MessageHeaders.type]: 'p100.webhook.exchange.v1',
        multi: [Buffer.from('first'), Buffer.from('second')],
        city: Buffer.from('Zürich'),
        missing: undefined,
      }),
    ).toEqual({ [MessageHeaders.eventId]: 'evt-1', [MessageHeaders.type]: 'p100.webhook.exchange.v1', multi: 'first', city: 'Zürich' });
  });

  it('returns an empty object for a record without headers', () => {
    expect(headersToStrings(undefined)).toEqual({});
  });
});

describe('toIncomingMessage', () => {
  it('takes topic, partition, offset, key and string headers from the Kafka context and the parsed value from Nest', () => {
    const context = contextFor(
      { key: Buffer.from('exchange-1'), headers: { [MessageHeaders.eventId]: Buffer.from('evt-9'), [MessageHeaders.type]: Buffer.from('x.v1') }, offset: '41' },
      'p100.webhooks.exchange',
      3,
    );
    expect(toIncomingMessage({ status: 'SUCCESS' }, context)).toEqual({
      topic: 'p100.webhooks.exchange',
      partition: 3,
      offset: '41',
      key: 'exchange-1',
      headers: { [MessageHeaders.eventId]: 'evt-9', [MessageHeaders.type]: 'x.v1' },
      value: { status: 'SUCCESS' },
    });
  });

  // Rejecting a message without event-id/type is the inbox consumer's job (it dead-letters it);
  // the adapter must report the headers as they are, not invent or drop the message.
  it('passes a record without key or platform headers through unchanged, for the inbox to judge', () => {
    const message = toIncomingMessage('raw', contextFor({ key: null, headers: {} }));
    expect(message.key).toBeNull();
    expect(message.headers).toEqual({});
    expect(message.headers[MessageHeaders.eventId]).toBeUndefined();
    expect(message.value).toBe('raw');
  });
});
