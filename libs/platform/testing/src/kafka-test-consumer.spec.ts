import { Kafka, type Producer } from 'kafkajs';
import { MessageHeaders } from '@platform/contracts';
import { createTestTopics, kafkaClientConfig, kafkaTopic, producerConfig } from '@platform/kafka';
import { KafkaTestConsumer } from './kafka-test-consumer';
import { kafkaTestSettings, uniqueName } from './test-env';

describe('KafkaTestConsumer (real Kafka-protocol broker)', () => {
  // A topic of this run only, created through the admin API (the platform never auto-creates).
  const topic = uniqueName('test.consumer');
  let consumer: KafkaTestConsumer;
  let producer: Producer;

  beforeAll(async () => {
    const settings = kafkaTestSettings();
    await createTestTopics(settings, [topic]);
    consumer = await KafkaTestConsumer.start([topic], { fromBeginning: true });
    producer = new Kafka(kafkaClientConfig(settings)).producer(producerConfig(settings));
    await producer.connect();
  }, 30_000);
  afterAll(async () => {
    await producer?.disconnect();
    await consumer?.stop();
  });

  it('receives a message produced to a fresh topic, with key, string headers and parsed JSON value', async () => {
    const eventId = uniqueName('evt');
    await producer.send({
      topic: kafkaTopic(topic),
      acks: -1,
      messages: [{ key: 'card-1', value: JSON.stringify({ amount: '7.10' }), headers: { [MessageHeaders.eventId]: eventId, [MessageHeaders.type]: 'test.v1' } }],
    });
    const received = await consumer.waitFor((m) => m.headers[MessageHeaders.eventId] === eventId);
    expect(received).toMatchObject({
      topic,
      key: 'card-1',
      headers: { [MessageHeaders.eventId]: eventId, [MessageHeaders.type]: 'test.v1' },
      value: { amount: '7.10' },
    });
    expect(received.partition).toBeGreaterThanOrEqual(0);
  });

  it('keeps a value that is not JSON as text, and a message without key or value as null', async () => {
    const key = uniqueName('raw');
    await producer.send({ topic: kafkaTopic(topic), acks: -1, messages: [{ key, value: 'not json {' }, { key: null, value: null, headers: { marker: key } }] });
    await expect(consumer.waitFor((m) => m.key === key)).resolves.toMatchObject({ value: 'not json {' });
    await expect(consumer.waitFor((m) => m.headers.marker === key)).resolves.toMatchObject({ key: null, value: null });
  });

  it('gives up waiting with the number of messages it saw', async () => {
    const seen = consumer.messages.length;
    await expect(consumer.waitFor(() => false, 300)).rejects.toThrow(`no matching Kafka message within 300 ms (saw ${seen})`);
  });
});
