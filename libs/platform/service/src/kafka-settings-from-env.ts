import type { ServiceEnv } from '@platform/config';
import type { KafkaSettings } from '@platform/kafka';

export function kafkaSettingsFromEnv(env: ServiceEnv, clientId: string): KafkaSettings {
  return {
    brokers: env.KAFKA_BROKERS,
    clientId,
    devBroker: env.KAFKA_DEV_BROKER,
    ...(env.KAFKA_MAX_WAIT_MS ? { maxWaitTimeInMs: env.KAFKA_MAX_WAIT_MS } : {}),
    keyConcurrency: env.KAFKA_KEY_CONCURRENCY,
    sessionTimeoutMs: env.KAFKA_SESSION_TIMEOUT_MS,
    commitIntervalMs: env.KAFKA_COMMIT_INTERVAL_MS,
  };
}
