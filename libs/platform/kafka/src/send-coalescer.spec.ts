import { Kafka, logLevel, type Consumer, type Producer } from 'kafkajs';
import { kafkaClientConfig, producerConfig } from './kafka-settings';
import { coalesceSends } from './send-coalescer';
import { createTestTopics, eventually, testBrokerSettings, testName, waitForLeaders } from './test-support/test-broker';
import { kafkaTopic } from './topic-namespace';

describe('coalesced sends of an idempotent producer (real broker)', () => {
  const settings = testBrokerSettings('coalescer-test');
  const kafka = new Kafka({ ...kafkaClientConfig(settings), logLevel: logLevel.NOTHING });
  const [first, second] = [testName('test.coalesce.a'), testName('test.coalesce.b')];
  let producer: Producer;
  let batches: jest.SpyInstance;
  const consumers: Consumer[] = [];

  beforeAll(async () => {
    await createTestTopics(settings, [first, second]);
    // The platform's producer settings: idempotent, one request in flight per broker.
    producer = kafka.producer(producerConfig(settings));
    batches = jest.spyOn(producer, 'sendBatch');
    coalesceSends(producer, kafka.admin());
    await producer.connect();
  }, 60_000);

  afterAll(async () => {
    await Promise.all(consumers.map((c) => c.disconnect()));
    await producer?.disconnect();
  });

  beforeEach(() => batches.mockClear());

  /** Every message of `topic` from the start, as `key → values` in partition (= log) order. */
  async function readAll(topic: string, expected: number): Promise<Map<string, string[]>> {
    const byKey = new Map<string, string[]>();
    let count = 0;
    const consumer = kafka.consumer({ groupId: testName('coalesce-reader'), maxWaitTimeInMs: 100 });
    consumers.push(consumer);
    await consumer.connect();
    await consumer.subscribe({ topic: kafkaTopic(topic), fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => {
        const key = message.key!.toString();
        byKey.set(key, [...(byKey.get(key) ?? []), message.value!.toString()]);
        count += 1;
      },
    });
    await eventually(() => expect(count).toBeGreaterThanOrEqual(expected), 30_000);
    return byKey;
  }

  it('sends concurrent sends of two topics as one produce batch behind the one in flight; none lost, none doubled, each key in send order', async () => {
    const keys = Array.from({ length: 20 }, (_, i) => `key-${i}`);
    const perTopic = 300;
    const sends: Promise<unknown>[] = [];
    for (let i = 0; i < perTopic; i += 1) {
      // Interleaved topics: the batch holds both, each topic several times over.
      for (const topic of [first, second]) {
        const key = keys[i % keys.length]!;
        sends.push(producer.send({ topic: kafkaTopic(topic), messages: [{ key, value: `${topic}:${key}:${i}` }] }));
      }
    }
    const metadata = (await Promise.all(sends)) as { topicName: string }[][];

    // The first send went out alone; the 599 that came while it was in flight left together.
    expect(batches).toHaveBeenCalledTimes(2);
    expect(batches.mock.calls[1]![0].topicMessages.map((t: { topic: string; messages: unknown[] }) => [t.topic, t.messages.length])).toEqual([
      [kafkaTopic(second), perTopic],
      [kafkaTopic(first), perTopic - 1],
    ]);
    // Each caller is answered with its own topic's metadata.
    expect(metadata.every((m, i) => m.length > 0 && m.every((r) => r.topicName === kafkaTopic(i % 2 === 0 ? first : second)))).toBe(true);

    for (const topic of [first, second]) {
      const read = await readAll(topic, perTopic);
      const expected = new Map(keys.map((key) => [key, Array.from({ length: perTopic }, (_, i) => i).filter((i) => keys[i % keys.length] === key).map((i) => `${topic}:${key}:${i}`)]));
      expect(read).toEqual(expected);
    }
  }, 90_000);

  it('rejects every send of a batch the broker refuses with the broker\'s error, and sends the next batch as usual', async () => {
    const topic = testName('test.coalesce.refused');
    // A topic that refuses records over 10 kB (MESSAGE_TOO_LARGE, not retriable).
    const admin = kafka.admin();
    await admin.connect();
    try {
      await admin.createTopics({ waitForLeaders: false, topics: [{ topic: kafkaTopic(topic), numPartitions: 1, configEntries: [{ name: 'max.message.bytes', value: '10000' }] }] });
      await waitForLeaders(admin, [kafkaTopic(topic)]);
    } finally {
      await admin.disconnect();
    }
    const send = (value: string) => producer.send({ topic: kafkaTopic(topic), messages: [{ key: 'k', value }] });
    const alone = send('alone');
    // Queued behind `alone`, so one batch, with one record over the topic's max.message.bytes.
    const batch = [send('small-1'), send('x'.repeat(20_000)), send('small-2')];
    const outcomes = await Promise.allSettled([alone, ...batch]);
    expect(batches).toHaveBeenCalledTimes(2);
    expect(outcomes[0]!.status).toBe('fulfilled');
    const refused = outcomes.slice(1);
    expect(refused.map((o) => o.status)).toEqual(['rejected', 'rejected', 'rejected']);
    const errors = refused.map((o) => (o as PromiseRejectedResult).reason as Error);
    expect(errors[0]!.message).toMatch(/too large|larger than/i);
    expect(new Set(errors).size).toBe(1);

    await expect(send('after')).resolves.toEqual([expect.objectContaining({ topicName: kafkaTopic(topic) })]);
    const read = await readAll(topic, 2);
    expect(read.get('k')).toEqual(['alone', 'after']);
  }, 90_000);
});
