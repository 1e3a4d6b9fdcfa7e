import { MessageHeaders, type OutgoingMessage } from '@platform/contracts';
import { KafkaPublisher } from './kafka-publisher';
import { eventually, testBrokerSettings, testName } from './test-support/test-broker';
import { startTestService, type TestService } from './test-support/test-service';

function message(topic: string, key: string, n: number): OutgoingMessage {
  return {
    topic,
    key,
    value: JSON.stringify({ n, amount: '12.50' }),
    headers: {
      [MessageHeaders.eventId]: testName('evt'),
      [MessageHeaders.type]: 'test.published.v1',
      [MessageHeaders.occurredAt]: '2026-11-23T10:00:00.000Z',
      [MessageHeaders.correlationId]: `corr-${n}`,
    },
  };
}

describe('KafkaPublisher (real Kafka-protocol broker)', () => {
  // Topics of this run only: other people run tests against the same broker at the same time.
  const topicA = testName('test.publisher.a');
  const topicB = testName('test.publisher.b');
  let service: TestService;
  let publisher: KafkaPublisher;

  const receivedEvent = (eventId: string | undefined) => service.received.find((m) => m.headers[MessageHeaders.eventId] === eventId);

  beforeAll(async () => {
    // A service consuming both topics the way apps do; it has no commands to answer.
    service = await startTestService({
      settings: testBrokerSettings('test-service'),
      eventTopics: [topicA, topicB],
      commands: { topic: testName('test.publisher.commands'), handlers: {} },
    });
    publisher = new KafkaPublisher(testBrokerSettings());
  }, 60_000);
  afterAll(async () => {
    await publisher?.disconnect();
    await service?.close();
  });

  it('sends key, JSON value and the platform headers (event-id, type, occurred-at, correlation-id)', async () => {
    const sent = message(topicA, testName('user'), 1);
    await publisher.publish([sent]);
    await eventually(() => expect(receivedEvent(sent.headers[MessageHeaders.eventId])).toBeDefined());
    const received = receivedEvent(sent.headers[MessageHeaders.eventId])!;
    // Event bodies are decoded exactly: JSON numbers arrive as their decimal text (message-value.ts).
    expect(received).toMatchObject({ topic: topicA, key: sent.key, value: { n: '1', amount: '12.50' } });
    expect(received.headers).toEqual(sent.headers);
  });

  it('delivers numeric amounts digit for digit: no float ever sees them', async () => {
    const sent = message(topicA, testName('user'), 7);
    // 0.1 + 0.2 style values and more digits than a double holds: JSON.parse would change both.
    sent.value = '{"amount":123456789.123456789012345678,"fee":0.30000000000000004,"tiny":1e-8}';
    await publisher.publish([sent]);
    await eventually(() => expect(receivedEvent(sent.headers[MessageHeaders.eventId])).toBeDefined());
    expect(receivedEvent(sent.headers[MessageHeaders.eventId])!.value).toEqual({
      amount: '123456789.123456789012345678',
      fee: '0.30000000000000004',
      tiny: '0.00000001',
    });
  });

  it('sends a batch spanning several topics, keeping the order of each key', async () => {
    const key = testName('user');
    const batch = [message(topicA, key, 1), message(topicB, key, 2), message(topicA, key, 3), message(topicA, key, 4)];
    await publisher.publish(batch);
    await eventually(() => {
      expect(receivedEvent(batch[3]!.headers[MessageHeaders.eventId])).toBeDefined();
      expect(receivedEvent(batch[1]!.headers[MessageHeaders.eventId])).toBeDefined();
    });
    const mine = (topic: string) => service.received.filter((m) => m.key === key && m.topic === topic).map((m) => Number((m.value as { n: string }).n));
    expect(mine(topicA)).toEqual([1, 3, 4]);
    expect(mine(topicB)).toEqual([2]);
  });

  it('shares one connection between concurrent connects and reports it, until disconnected', async () => {
    const own = new KafkaPublisher(testBrokerSettings());
    try {
      expect(own.isConnected).toBe(false);
      await Promise.all([own.connect(), own.connect(), own.publish([message(topicA, 'k', 5)])]);
      expect(own.isConnected).toBe(true);
    } finally {
      await own.disconnect();
    }
    expect(own.isConnected).toBe(false);
  });

  it('does not connect for an empty batch', async () => {
    // An unreachable broker: connecting would fail, so resolving proves no connection was tried.
    const offline = new KafkaPublisher({ brokers: ['127.0.0.1:1'], clientId: testName('offline'), devBroker: true });
    await expect(offline.publish([])).resolves.toBeUndefined();
    expect(offline.isConnected).toBe(false);
  });
});
