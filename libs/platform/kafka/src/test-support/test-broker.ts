import { randomBytes } from 'node:crypto';
import { Kafka } from 'kafkajs';
import { kafkaClientConfig, type KafkaSettings } from '../kafka-settings';
import { kafkaTopic } from '../topic-namespace';

// platform-testing (testEnv, KafkaTestConsumer) is built on this lib, so this lib's own tests
// cannot use it without a project cycle, which the module-boundaries lint rejects. These few
// lines read the same variables the Jest global setup exports.

/** Settings for the broker the Jest global setup started, under a client id of this run. */
export function testBrokerSettings(clientPrefix = 'kafka-lib-test'): KafkaSettings {
  const brokers = process.env.KAFKA_BROKERS;
  if (!brokers) throw new Error('KAFKA_BROKERS not set: run through the project Jest config (its global setup starts the broker)');
  return { brokers: brokers.split(','), clientId: testName(clientPrefix), devBroker: process.env.KAFKA_DEV_BROKER === 'true' };
}

/** Topic, group and client names of this run: other people test against the same broker. */
export function testName(prefix: string): string {
  return `${prefix}_${randomBytes(4).toString('hex')}`;
}

/**
 * Creates topics (catalog-style names; the run's namespace is added) that exist only for one test run. Platform clients never auto-create topics
 * (`allowAutoTopicCreation: false`), so they must exist before a Nest server subscribes. The dev
 * broker rejects CreateTopics but auto-creates a topic (4 partitions) on a metadata request;
 * real Kafka gets a proper CreateTopics.
 */
export async function createTestTopics(settings: KafkaSettings, names: string[]): Promise<void> {
  const topics = names.map(kafkaTopic);
  const admin = new Kafka(kafkaClientConfig(settings)).admin();
  await admin.connect();
  try {
    if (settings.devBroker) await admin.fetchTopicMetadata({ topics });
    else await admin.createTopics({ waitForLeaders: true, topics: topics.map((topic) => ({ topic, numPartitions: 4 })) });
  } finally {
    await admin.disconnect();
  }
}

/** Retries an assertion until it passes or the time is up; the last failure is the one reported. */
export async function eventually(assertion: () => void, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return assertion();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}
