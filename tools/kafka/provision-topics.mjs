// Creates every topic of the catalog (libs/contracts/src/topics/topic-catalog.ts) on a real Kafka.
// Idempotent: existing topics are left alone (a partition count below the catalog's is reported).
// The dev broker does not need this: it pre-creates the catalog itself (and rejects CreateTopics).
//
//   KAFKA_BROKERS=localhost:9092 [KAFKA_REPLICATION_FACTOR=3] node tools/kafka/provision-topics.mjs
import { Kafka, logLevel } from 'kafkajs';
import { loadTopicCatalog } from '../platform/infra.mjs';

const brokers = (process.env.KAFKA_BROKERS || 'localhost:9092').split(',').map((b) => b.trim()).filter(Boolean);
const replicationFactor = Number(process.env.KAFKA_REPLICATION_FACTOR || 1);

if (process.env.KAFKA_DEV_BROKER === 'true') {
  console.log('[provision-topics] KAFKA_DEV_BROKER=true: the dev broker pre-creates the catalog; nothing to do');
  process.exit(0);
}
if (!Number.isInteger(replicationFactor) || replicationFactor < 1) {
  console.error(`[provision-topics] KAFKA_REPLICATION_FACTOR must be a positive integer, got ${process.env.KAFKA_REPLICATION_FACTOR}`);
  process.exit(2);
}

const kafka = new Kafka({
  clientId: 'provision-topics',
  brokers,
  logLevel: logLevel.WARN,
  // In docker compose the broker may still be starting: keep retrying for about a minute.
  retry: { retries: 12, initialRetryTime: 500, maxRetryTime: 8000 },
});
const admin = kafka.admin();

try {
  const catalog = await loadTopicCatalog();
  await admin.connect();
  const existing = new Set(await admin.listTopics());
  const missing = catalog.filter((t) => !existing.has(t.name));

  if (missing.length > 0) {
    await admin.createTopics({
      waitForLeaders: true,
      topics: missing.map((t) => ({ topic: t.name, numPartitions: t.partitions, replicationFactor })),
    });
    for (const t of missing) {
      console.log(`[provision-topics] created ${t.name} (partitions=${t.partitions}, replication=${replicationFactor})`);
    }
  }

  const present = catalog.filter((t) => existing.has(t.name));
  if (present.length > 0) {
    const { topics } = await admin.fetchTopicMetadata({ topics: present.map((t) => t.name) });
    const partitionsOf = new Map(topics.map((t) => [t.name, t.partitions.length]));
    for (const t of present) {
      const actual = partitionsOf.get(t.name);
      const note = actual < t.partitions ? ` — WARNING: the catalog wants ${t.partitions}; add partitions by hand` : '';
      console.log(`[provision-topics] exists  ${t.name} (partitions=${actual})${note}`);
    }
  }
  console.log(`[provision-topics] done: ${missing.length} created, ${present.length} already present, brokers ${brokers.join(',')}`);
} catch (err) {
  console.error(`[provision-topics] failed against ${brokers.join(',')}: ${err.message}`);
  process.exitCode = 1;
} finally {
  await admin.disconnect().catch(() => {});
}
