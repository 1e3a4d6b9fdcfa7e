import { loadConfig, serviceEnv } from '@platform/config';
import { consumerConfig } from '@platform/kafka';
import { kafkaSettingsFromEnv } from './kafka-settings-from-env';

const baseEnv = { DATABASE_URL: 'postgres://u@h/db', KAFKA_BROKERS: 'a:9092, b:9092' };

describe('kafkaSettingsFromEnv', () => {
  it('takes brokers and the dev-broker flag from the environment and the client id from the service', () => {
    const settings = kafkaSettingsFromEnv(loadConfig(serviceEnv, { ...baseEnv, KAFKA_DEV_BROKER: 'true' }), 'payments');
    expect(settings).toEqual({ brokers: ['a:9092', 'b:9092'], clientId: 'payments', devBroker: true, keyConcurrency: 16, sessionTimeoutMs: 30_000, commitIntervalMs: 200 });
  });

  it('takes the per-key concurrency from KAFKA_KEY_CONCURRENCY and refuses 0', () => {
    expect(kafkaSettingsFromEnv(loadConfig(serviceEnv, { ...baseEnv, KAFKA_KEY_CONCURRENCY: '4' }), 'cards').keyConcurrency).toBe(4);
    expect(() => loadConfig(serviceEnv, { ...baseEnv, KAFKA_KEY_CONCURRENCY: '0' })).toThrow(/KAFKA_KEY_CONCURRENCY/);
  });

  it('takes the commit interval from KAFKA_COMMIT_INTERVAL_MS, 0 included, and refuses a negative one', () => {
    expect(kafkaSettingsFromEnv(loadConfig(serviceEnv, { ...baseEnv, KAFKA_COMMIT_INTERVAL_MS: '0' }), 'cards').commitIntervalMs).toBe(0);
    expect(() => loadConfig(serviceEnv, { ...baseEnv, KAFKA_COMMIT_INTERVAL_MS: '-1' })).toThrow(/KAFKA_COMMIT_INTERVAL_MS/);
  });

  it('takes the consumer session timeout from KAFKA_SESSION_TIMEOUT_MS and refuses less than the broker minimum', () => {
    const settings = kafkaSettingsFromEnv(loadConfig(serviceEnv, { ...baseEnv, KAFKA_SESSION_TIMEOUT_MS: '6000' }), 'cards');
    expect(consumerConfig(settings, 'g')).toMatchObject({ sessionTimeout: 6_000, heartbeatInterval: 2_000 });
    expect(() => loadConfig(serviceEnv, { ...baseEnv, KAFKA_SESSION_TIMEOUT_MS: '5999' })).toThrow(/KAFKA_SESSION_TIMEOUT_MS/);
  });

  it('passes KAFKA_MAX_WAIT_MS on only when set, so the per-broker default applies otherwise', () => {
    const withWait = kafkaSettingsFromEnv(loadConfig(serviceEnv, { ...baseEnv, KAFKA_MAX_WAIT_MS: '250' }), 'cards');
    expect(consumerConfig(withWait, 'g').maxWaitTimeInMs).toBe(250);
    const without = kafkaSettingsFromEnv(loadConfig(serviceEnv, baseEnv), 'cards');
    expect(without).not.toHaveProperty('maxWaitTimeInMs');
    expect(consumerConfig(without, 'g').maxWaitTimeInMs).toBe(5000);
  });
});
