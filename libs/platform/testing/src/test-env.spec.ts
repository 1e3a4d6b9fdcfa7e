import { kafkaTestSettings, testEnv, uniqueName } from './test-env';

const VARIABLES = ['DATABASE_URL', 'KAFKA_BROKERS', 'KAFKA_DEV_BROKER'] as const;

describe('test environment helpers', () => {
  // The Jest global setup exported the real values; each test may change them, so put them back.
  const saved = Object.fromEntries(VARIABLES.map((name) => [name, process.env[name]]));
  afterEach(() => {
    for (const name of VARIABLES) {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    }
  });

  it('makes names of the form <prefix>_<8 hex digits>, never the same twice', () => {
    const names = Array.from({ length: 500 }, () => uniqueName('payments-test'));
    for (const name of names) expect(name).toMatch(/^payments-test_[0-9a-f]{8}$/);
    expect(new Set(names).size).toBe(names.length);
  });

  it('reads the infrastructure the global setup started: database URL, broker list and dev-broker flag', () => {
    process.env.DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/p100_platform_test';
    process.env.KAFKA_BROKERS = '127.0.0.1:40001,127.0.0.1:40002';
    process.env.KAFKA_DEV_BROKER = 'true';
    expect(testEnv()).toEqual({
      databaseUrl: 'postgres://postgres@127.0.0.1:5432/p100_platform_test',
      kafkaBrokers: ['127.0.0.1:40001', '127.0.0.1:40002'],
      devBroker: true,
    });
    process.env.KAFKA_DEV_BROKER = 'false';
    expect(testEnv().devBroker).toBe(false);
  });

  it.each(['DATABASE_URL', 'KAFKA_BROKERS'])('fails with a message naming the variables and how to get them when %s is missing', (name) => {
    delete process.env[name];
    expect(() => testEnv()).toThrow('DATABASE_URL / KAFKA_BROKERS not set');
    expect(() => testEnv()).toThrow(/global setup/);
    expect(() => kafkaTestSettings()).toThrow('DATABASE_URL / KAFKA_BROKERS not set');
  });

  it('builds Kafka settings for the test broker with the given or a unique client id', () => {
    const env = testEnv();
    expect(kafkaTestSettings('my-client')).toEqual({ brokers: env.kafkaBrokers, clientId: 'my-client', devBroker: env.devBroker });
    expect(kafkaTestSettings().clientId).toMatch(/^test_[0-9a-f]{8}$/);
    expect(kafkaTestSettings().clientId).not.toBe(kafkaTestSettings().clientId);
  });
});
