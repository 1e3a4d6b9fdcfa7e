// Creates the topics of the catalog (libs/contracts/src/topics/topic-catalog.ts) through Kafka's
// admin API. One code path for every Kafka we run on: production and staging (the
// provision-topics.mjs CLI, a deploy job), the local broker of `npm start`, and the namespace
// each test project gets (tools/platform/jest-global-setup.mjs).
import kafkajs from 'kafkajs';
import { loadTopicCatalog } from './load-topic-catalog.mjs';

const { Kafka, logLevel } = kafkajs;

/**
 * Idempotent: existing topics are left alone; a partition count below the catalog's is reported.
 * @param {{ brokers: string[], namespace?: string, replicationFactor?: number, minInsyncReplicas?: number,
 *           retries?: number, log?: (line: string) => void }} options
 * @returns {Promise<{ created: string[], present: { name: string, partitions: number }[] }>}
 */
export async function provisionTopics({ brokers, namespace = '', replicationFactor = 1, minInsyncReplicas, retries = 5, log = () => {} }) {
  const catalog = (await loadTopicCatalog()).map((t) => ({ ...t, name: `${namespace}${t.name}` }));
  const admin = new Kafka({ clientId: 'provision-topics', brokers, logLevel: logLevel.WARN, retry: { retries, initialRetryTime: 300, maxRetryTime: 8000 } }).admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = catalog.filter((t) => !existing.has(t.name));
    if (missing.length > 0) {
      await admin.createTopics({
        waitForLeaders: true,
        topics: missing.map((t) => ({
          topic: t.name,
          numPartitions: t.partitions,
          replicationFactor,
          configEntries: Object.entries({ ...t.config, ...(minInsyncReplicas ? { 'min.insync.replicas': String(minInsyncReplicas) } : {}) }).map(
            ([name, value]) => ({ name, value }),
          ),
        })),
      });
      for (const t of missing) log(`[provision-topics] created ${t.name} (partitions=${t.partitions}, replication=${replicationFactor})`);
    }
    const presentSpecs = catalog.filter((t) => existing.has(t.name));
    const present = [];
    if (presentSpecs.length > 0) {
      const { topics } = await admin.fetchTopicMetadata({ topics: presentSpecs.map((t) => t.name) });
      const partitionsOf = new Map(topics.map((t) => [t.name, t.partitions.length]));
      for (const t of presentSpecs) {
        const partitions = partitionsOf.get(t.name);
        present.push({ name: t.name, partitions });
        const note = partitions < t.partitions ? ` — WARNING: the catalog wants ${t.partitions}; add partitions by hand` : '';
        log(`[provision-topics] exists  ${t.name} (partitions=${partitions})${note}`);
      }
    }
    return { created: missing.map((t) => t.name), present };
  } finally {
    await admin.disconnect().catch(() => {});
  }
}

/** Deletes every topic whose name starts with `namespace` (a test project's, when it ends). */
export async function deleteNamespace({ brokers, namespace }) {
  if (!namespace) throw new Error('deleteNamespace needs a non-empty namespace');
  const admin = new Kafka({ clientId: 'provision-topics', brokers, logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    const topics = (await admin.listTopics()).filter((t) => t.startsWith(namespace));
    if (topics.length > 0) await admin.deleteTopics({ topics, timeout: 30_000 });
    const { groups } = await admin.listGroups();
    const ours = groups.map((g) => g.groupId).filter((g) => g.startsWith(namespace));
    // Groups whose members are gone are empty and can go; a group still in use refuses.
    if (ours.length > 0) await admin.deleteGroups(ours).catch(() => {});
    return topics.length;
  } finally {
    await admin.disconnect().catch(() => {});
  }
}
