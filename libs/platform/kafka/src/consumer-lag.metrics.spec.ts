import { Kafka, logLevel, type Consumer } from 'kafkajs';
import { metricsRegistry } from '@platform/metrics';
import { CONSUMER_LAG_METRIC, reportConsumerLag } from './consumer-lag.metrics';
import { kafkaClientConfig, producerConfig } from './kafka-settings';
import { KeyedLanes, type PartitionLag } from './keyed-lanes';
import { createTestTopics, eventually, testBrokerSettings, testName } from './test-support/test-broker';
import { kafkaTopic } from './topic-namespace';

async function scrape(): Promise<Array<{ labels: Record<string, string | number>; value: number }>> {
  const metric = await metricsRegistry.getSingleMetric(CONSUMER_LAG_METRIC)!.get();
  return metric.values.map(({ labels, value }) => ({ labels: labels as Record<string, string | number>, value }));
}

describe('kafka_consumer_lag_messages', () => {
  it('reads every reporting consumer at scrape time, by group, topic and partition', async () => {
    let lags: PartitionLag[] = [{ topic: 'payments.commands', partition: 2, messages: 7 }];
    const stopA = reportConsumerLag({ group: 'payments', lag: () => lags });
    const stopB = reportConsumerLag({ group: 'cards', lag: () => [{ topic: 'p100.webhooks.cards', partition: 0, messages: 0 }] });
    try {
      expect(await scrape()).toEqual(
        expect.arrayContaining([
          { labels: { group: 'payments', topic: 'payments.commands', partition: '2' }, value: 7 },
          { labels: { group: 'cards', topic: 'p100.webhooks.cards', partition: '0' }, value: 0 },
        ]),
      );
      // Read again at the next scrape, not copied at registration.
      lags = [{ topic: 'payments.commands', partition: 2, messages: 1 }];
      expect(await scrape()).toContainEqual({ labels: { group: 'payments', topic: 'payments.commands', partition: '2' }, value: 1 });
    } finally {
      stopA();
      stopB();
    }
  });

  it('drops the series of a partition no longer held and of a consumer that stopped', async () => {
    let lags: PartitionLag[] = [
      { topic: 't', partition: 0, messages: 3 },
      { topic: 't', partition: 1, messages: 4 },
    ];
    const stop = reportConsumerLag({ group: 'g', lag: () => lags });
    expect((await scrape()).filter((s) => s.labels.group === 'g')).toHaveLength(2);
    lags = [{ topic: 't', partition: 0, messages: 3 }];
    expect((await scrape()).filter((s) => s.labels.group === 'g')).toEqual([{ labels: { group: 'g', topic: 't', partition: '0' }, value: 3 }]);
    stop();
    expect((await scrape()).filter((s) => s.labels.group === 'g')).toEqual([]);
  });
});

describe('kafka_consumer_lag_messages from a real fetch (the broker of the run)', () => {
  const settings = testBrokerSettings('consumer-lag-test');
  const kafka = new Kafka({ ...kafkaClientConfig(settings), logLevel: logLevel.NOTHING });
  const producer = kafka.producer(producerConfig(settings));
  let consumer: Consumer | undefined;

  beforeAll(() => producer.connect());
  afterAll(async () => {
    await consumer?.disconnect();
    await producer.disconnect();
  });

  it('counts what a stuck handler holds back, grows as messages arrive, and falls to zero when the handler is released', async () => {
    const name = testName('lag');
    await createTestTopics(settings, [name]);
    const topic = kafkaTopic(name);
    const send = (values: string[]) => producer.send({ topic, messages: values.map((value) => ({ key: 'one-key', value, partition: 0 })) });
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));

    const group = testName('lag-group');
    consumer = kafka.consumer({ groupId: group, maxWaitTimeInMs: 100 });
    const lanes = new KeyedLanes({ limit: 4, commit: (offsets) => consumer!.commitOffsets(offsets) });
    const stop = reportConsumerLag({ group, lag: () => lanes.lag() });
    try {
      await send(['a', 'b', 'c', 'd', 'e']);
      await consumer.connect();
      await consumer.subscribe({ topic, fromBeginning: true });
      // As PlatformKafkaServer wires it: batches into the lanes, offsets committed by the lanes.
      await consumer.run({ autoCommit: false, eachBatchAutoResolve: false, eachBatch: (payload) => lanes.take(payload, () => released) });

      // The first message hangs; the four behind it share its key and wait.
      await eventually(() => expect(lanes.lag()).toEqual([{ topic, partition: 0, messages: 5 }]));
      await send(['f', 'g', 'h']);
      await eventually(() => expect(lanes.lag()).toEqual([{ topic, partition: 0, messages: 8 }]));
      const metric = await metricsRegistry.getSingleMetric(CONSUMER_LAG_METRIC)!.get();
      expect(metric.values.filter((v) => v.labels.group === group)).toEqual([{ labels: { group, topic, partition: '0' }, value: 8 }]);

      release();
      await eventually(() => expect(lanes.lag()).toEqual([{ topic, partition: 0, messages: 0 }]));
    } finally {
      release();
      stop();
    }
  });
});
