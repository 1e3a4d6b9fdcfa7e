import { logLevel, type ConsumerConfig, type KafkaConfig, type ProducerConfig } from 'kafkajs';
import './kafkajs-patches';
import { keyPartitioner } from './key-partitioner';
import { kafkaGroupId } from './topic-namespace';

export interface KafkaSettings {
  brokers: string[];
  clientId: string;
  /**
   * The librdkafka mock broker used for local runs and tests. It reports a controller id that does
   * not exist (kafkajs's idempotent producer and admin calls fail on it) and holds every empty fetch
   * for the full maxWaitTimeInMs; see docs/decisions/0002-kafka-dev-broker.md.
   */
  devBroker: boolean;
  maxWaitTimeInMs?: number;
  /** Messages of different keys a service consumer works on at once (KeyedLanes). Default 16. */
  keyConcurrency?: number;
  /**
   * How long the group coordinator waits for a silent member before it hands that member's
   * partitions to the others: what a crashed consumer costs in stalled partitions. Default 30 s;
   * the broker refuses less than its group.min.session.timeout.ms (6 s by default).
   */
  sessionTimeoutMs?: number;
  /** The least time between two offset commits of a service consumer (KeyedLanes). Default 200 ms. */
  commitIntervalMs?: number;
}

export function kafkaClientConfig(settings: KafkaSettings): KafkaConfig {
  return {
    clientId: settings.clientId,
    brokers: settings.brokers,
    logLevel: logLevel.ERROR,
    retry: { initialRetryTime: 100, retries: 8, maxRetryTime: 5_000 },
    connectionTimeout: 3_000,
  };
}

const REAL_KAFKA_MAX_WAIT_MS = 5_000;

export const SESSION_TIMEOUT_DEFAULT_MS = 30_000;

export function consumerConfig(settings: KafkaSettings, groupId: string): ConsumerConfig {
  const sessionTimeout = settings.sessionTimeoutMs ?? SESSION_TIMEOUT_DEFAULT_MS;
  return {
    groupId: kafkaGroupId(groupId),
    // Real Kafka answers a fetch as soon as data arrives, so the wait only bounds an idle poll: 5 s
    // (kafkajs's default) keeps an idle service near zero CPU. The mock holds every empty fetch for
    // the whole wait, hence 10 ms there (docs/decisions/0002).
    maxWaitTimeInMs: settings.maxWaitTimeInMs ?? (settings.devBroker ? 10 : REAL_KAFKA_MAX_WAIT_MS),
    sessionTimeout,
    // Kafka's rule of thumb: at least three heartbeats per session, so one lost heartbeat is not an eviction.
    heartbeatInterval: Math.min(3_000, Math.floor(sessionTimeout / 3)),
    rebalanceTimeout: 30_000,
    allowAutoTopicCreation: false,
    retry: { retries: 10, initialRetryTime: 100, maxRetryTime: 5_000 },
  };
}

export function producerConfig(settings: KafkaSettings): ProducerConfig {
  return {
    // Idempotence (exactly-once per partition on retries) on real Kafka; the mock cannot do it.
    idempotent: !settings.devBroker,
    // One request in flight per broker keeps per-key order when a send is retried. Concurrent
    // sends of the command/reply producers are coalesced into one request (send-coalescer.ts).
    maxInFlightRequests: 1,
    allowAutoTopicCreation: false,
    // Java-compatible murmur2 over the key, linear in its length (key-partitioner.ts).
    createPartitioner: keyPartitioner,
  };
}
