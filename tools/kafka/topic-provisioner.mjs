// Creates the topics of the catalog (libs/contracts/src/topics/topic-catalog.ts) through Kafka's
// admin API. One code path for every Kafka we run on: production and staging (the
// provision-topics.mjs CLI, a deploy job), the local broker of `npm start`, and the namespace
// each test project gets (tools/platform/jest-global-setup.mjs).
import kafkajs from './kafkajs.mjs';
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
  const admin = new Kafka({ clientId: 'provision-topics', brokers, logLevel: logLevel.NOTHING, retry: { retries, initialRetryTime: 300, maxRetryTime: 8000 } }).admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = catalog.filter((t) => !existing.has(t.name));
    if (missing.length > 0) {
      await admin.createTopics({
        // kafkajs's own wait gives up on UNKNOWN_TOPIC_OR_PARTITION, which KRaft answers for a
        // moment after a create: we wait ourselves (waitForLeaders below).
        waitForLeaders: false,
        topics: missing.map((t) => ({
          topic: t.name,
          numPartitions: t.partitions,
          replicationFactor,
          configEntries: Object.entries({ ...t.config, ...(minInsyncReplicas ? { 'min.insync.replicas': String(minInsyncReplicas) } : {}) }).map(
            ([name, value]) => ({ name, value }),
          ),
        })),
      });
      await waitForLeaders(admin, missing.map((t) => t.name));
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

/**
 * Until every partition of `topics` has a leader. Metadata may briefly not know a topic that was
 * just created (UNKNOWN_TOPIC_OR_PARTITION) or have no leader yet: both mean "ask again".
 */
export async function waitForLeaders(admin, topics, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  while (Date.now() < deadline) {
    try {
      const { topics: found } = await admin.fetchTopicMetadata({ topics });
      if (found.length === topics.length && found.every((t) => t.partitions.length > 0 && t.partitions.every((p) => p.leader >= 0))) return;
      last = 'partitions without a leader';
    } catch (error) {
      last = error.message;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`[provision-topics] topics have no leaders after ${timeoutMs / 1000} s (${last}): ${topics.slice(0, 5).join(', ')}...`);
}
