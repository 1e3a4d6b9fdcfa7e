// Creates every topic of the catalog (libs/contracts/src/topics/topic-catalog.ts) on a real Kafka:
// the deploy step for staging and production. Idempotent: existing topics are left alone (a
// partition count below the catalog's is reported). The librdkafka dev broker does not need it:
// it pre-creates the catalog itself (and rejects CreateTopics).
//
//   KAFKA_BROKERS=host:9092 [KAFKA_REPLICATION_FACTOR=3] [KAFKA_MIN_INSYNC_REPLICAS=2] \
//     [KAFKA_NAMESPACE=staging.] node tools/kafka/provision-topics.mjs
import { provisionTopics } from './topic-provisioner.mjs';

const brokers = (process.env.KAFKA_BROKERS || 'localhost:9092').split(',').map((b) => b.trim()).filter(Boolean);
const positive = (name, fallback) => {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) {
    console.error(`[provision-topics] ${name} must be a positive integer, got ${raw}`);
    process.exit(2);
  }
  return value;
};
const replicationFactor = positive('KAFKA_REPLICATION_FACTOR', 1);
const minInsyncReplicas = positive('KAFKA_MIN_INSYNC_REPLICAS', undefined);

if (process.env.KAFKA_DEV_BROKER === 'true') {
  console.log('[provision-topics] KAFKA_DEV_BROKER=true: the dev broker pre-creates the catalog; nothing to do');
  process.exit(0);
}

try {
  // In docker compose the broker may still be starting: keep retrying for about a minute.
  const { created, present } = await provisionTopics({
    brokers,
    namespace: process.env.KAFKA_NAMESPACE || '',
    replicationFactor,
    minInsyncReplicas,
    retries: 12,
    log: (line) => console.log(line),
  });
  console.log(`[provision-topics] done: ${created.length} created, ${present.length} already present, brokers ${brokers.join(',')}`);
} catch (err) {
  console.error(`[provision-topics] failed against ${brokers.join(',')}: ${err.message}`);
  console.error('[provision-topics] what to do: check KAFKA_BROKERS and that the brokers are up (the admin API must be reachable).');
  process.exitCode = 1;
}
