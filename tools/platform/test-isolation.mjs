// What keeps one test project (one Jest run) from disturbing another on the same Postgres server
// and the same Kafka broker: its own database and its own Kafka namespace (every topic and consumer
// group id prefixed with KAFKA_NAMESPACE, libs/platform/kafka/src/topic-namespace.ts), with the
// catalog's topics provisioned in it. Nothing a run leaves behind (backlogs, committed offsets,
// members that did not leave, outbox rows) can reach a later run. Both are removed at the end.
import { randomBytes } from 'node:crypto';
import kafkajs from '../kafka/kafkajs.mjs';
import pg from 'pg';
import { loadTopicCatalog } from '../kafka/load-topic-catalog.mjs';
import { deleteNamespace, provisionTopics } from '../kafka/topic-provisioner.mjs';

const { Kafka, logLevel } = kafkajs;

/**
 * @param {{ databaseUrl: string, kafkaBrokers: string, kafkaDevBroker: boolean, label?: string }} infra
 * @returns {Promise<{ env: Record<string, string>, cleanup: () => Promise<void> }>}
 */
export async function isolateTestRun({ databaseUrl, kafkaBrokers, kafkaDevBroker, label = 'run' }) {
  const id = randomBytes(4).toString('hex');
  const namespace = `t${id}.`;
  const database = `p100_test_${label.replace(/[^a-z0-9]/g, '_').slice(0, 30)}_${id}`;
  const brokers = kafkaBrokers.split(',');
  const url = await createDatabase(databaseUrl, database);
  if (kafkaDevBroker) {
    // The librdkafka mock refuses CreateTopics and creates a topic (4 partitions) on the first
    // metadata request for it.
    const topics = (await loadTopicCatalog()).map((t) => `${namespace}${t.name}`);
    const admin = new Kafka({ clientId: 'test-isolation', brokers, logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    await admin.fetchTopicMetadata({ topics }).finally(() => admin.disconnect());
  } else {
    await provisionTopics({ brokers, namespace });
  }
  return {
    env: { DATABASE_URL: url, KAFKA_NAMESPACE: namespace },
    cleanup: async () => {
      await Promise.allSettled([dropDatabase(databaseUrl, database), kafkaDevBroker ? undefined : deleteNamespace({ brokers, namespace })]);
    },
  };
}

async function createDatabase(baseUrl, database) {
  const client = new pg.Client({ connectionString: baseUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
  const url = new URL(baseUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function dropDatabase(baseUrl, database) {
  const client = new pg.Client({ connectionString: baseUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(database)} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
