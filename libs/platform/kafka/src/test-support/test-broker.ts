import { randomBytes } from 'node:crypto';
import { Kafka, type Admin } from 'kafkajs';
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
    else {
      // kafkajs's waitForLeaders gives up on UNKNOWN_TOPIC_OR_PARTITION, which KRaft answers for
      // a moment after a create: wait here instead.
      await admin.createTopics({ waitForLeaders: false, topics: topics.map((topic) => ({ topic, numPartitions: 4 })) });
      await waitForLeaders(admin, topics);
    }
  } finally {
    await admin.disconnect();
  }
}

/** Until every partition of `topics` has a leader (metadata may not know a new topic for a moment). */
export async function waitForLeaders(admin: Admin, topics: string[], timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const { topics: found } = await admin.fetchTopicMetadata({ topics });
      if (found.length === topics.length && found.every((t) => t.partitions.length > 0 && t.partitions.every((p) => p.leader >= 0))) return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
    }
    if (Date.now() > deadline) throw new Error(`topics without leaders after ${timeoutMs} ms: ${topics.join(', ')}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
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
