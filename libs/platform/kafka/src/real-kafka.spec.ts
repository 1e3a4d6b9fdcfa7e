import { Kafka, logLevel, type Consumer } from 'kafkajs';
import { allTopicNames } from '@platform/contracts';
import { kafkaClientConfig, producerConfig } from './kafka-settings';
import { createTestTopics, eventually, testBrokerSettings, testName, waitForLeaders } from './test-support/test-broker';
import { kafkaTopic } from './topic-namespace';

// What only a real Kafka can do (the librdkafka mock has no CreateTopics/DescribeConfigs and no
// transaction isolation), so these run only on the real broker: `npm test` picks it wherever Java
// 17 and Maven are, which includes CI. On the dev-broker fallback they are reported as skipped.
const onRealKafka = process.env.KAFKA_DEV_BROKER === 'true' ? describe.skip : describe;

onRealKafka('on the real Kafka broker', () => {
  const settings = testBrokerSettings('real-kafka-test');
  const kafka = new Kafka({ ...kafkaClientConfig(settings), logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  const consumers: Consumer[] = [];

  beforeAll(() => admin.connect());
  afterAll(async () => {
    await Promise.all(consumers.map((c) => c.disconnect()));
    await admin.disconnect();
  });

  it('has every catalog topic, created by our provisioner through the admin API, with the catalog partitions and configs', async () => {
    const catalog = allTopicNames();
    const { topics } = await admin.fetchTopicMetadata({ topics: catalog.map((t) => kafkaTopic(t.name)) });
    const partitions = Object.fromEntries(topics.map((t) => [t.name, t.partitions.length]));
    expect(partitions).toEqual(Object.fromEntries(catalog.map((t) => [kafkaTopic(t.name), t.partitions])));

    const commands = catalog.find((t) => t.name === 'onboarding.commands')!;
    const described = await admin.describeConfigs({
      includeSynonyms: false,
      resources: [{ type: 2 /* TOPIC */, name: kafkaTopic(commands.name), configNames: ['max.message.bytes'] }],
    });
    expect(described.resources[0]!.configEntries).toEqual([expect.objectContaining({ configName: 'max.message.bytes', configValue: commands.config['max.message.bytes'] })]);
  });

  it('creates a topic through the admin API and describes it back; a second create of the same topic is refused', async () => {
    const name = kafkaTopic(testName('admin-created'));
    await expect(admin.createTopics({ topics: [{ topic: name, numPartitions: 3 }] })).resolves.toBe(true);
    await waitForLeaders(admin, [name]);
    const { topics } = await admin.fetchTopicMetadata({ topics: [name] });
    expect(topics[0]!.partitions.map((p) => p.partitionId).sort()).toEqual([0, 1, 2]);
    // createTopics answers false for a topic that exists already.
    await expect(admin.createTopics({ topics: [{ topic: name, numPartitions: 3 }] })).resolves.toBe(false);
  });

  it('hides a transaction from a read_committed consumer until it commits, and an aborted one for ever', async () => {
    const topic = testName('tx');
    await createTestTopics(settings, [topic]);
    const seen: string[] = [];
    const consumer = kafka.consumer({ groupId: testName('tx-reader'), readUncommitted: false, maxWaitTimeInMs: 100 });
    consumers.push(consumer);
    await consumer.connect();
    await consumer.subscribe({ topic: kafkaTopic(topic), fromBeginning: true });
    await consumer.run({ eachMessage: async ({ message }) => void seen.push(message.value!.toString()) });

    const producer = kafka.producer({ ...producerConfig(settings), transactionalId: testName('tx-producer'), idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    try {
      const aborted = await producer.transaction();
      await aborted.send({ topic: kafkaTopic(topic), messages: [{ key: 'k', value: 'aborted' }] });
      await aborted.abort();

      const tx = await producer.transaction();
      await tx.send({ topic: kafkaTopic(topic), messages: [{ key: 'k', value: 'in-flight' }] });
      // The message is on the partition now; a read_uncommitted consumer would have it within
      // one fetch (100 ms). Ours must not, for as long as the transaction is open.
      await new Promise((r) => setTimeout(r, 1500));
      expect(seen).not.toContain('in-flight');
      await tx.commit();
      await eventually(() => expect(seen).toContain('in-flight'), 15_000);
      expect(seen).not.toContain('aborted');
    } finally {
      await producer.disconnect();
    }
  });
});
