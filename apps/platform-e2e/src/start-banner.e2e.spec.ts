// Regression (issue 8, finding 5): `npm start` printed the gateway's dev API key in its banner.
const services = require('../../../tools/platform/services.cjs');

describe('the npm start banner', () => {
  const running: Record<string, { url: string; grpcAddress?: string }> = Object.fromEntries(
    ['gateway', 'p100-sandbox', 'webhook-ingest', 'onboarding-kyc'].map((n, i) => [n, { url: `http://127.0.0.1:${3000 + i}` }]),
  );
  running.gateway!.grpcAddress = '127.0.0.1:3010';

  it('shows where everything is and no secret: no dev key, no database password', () => {
    const banner: string = services.startBanner({
      running,
      infra: { databaseUrl: 'postgres://app:s3cret-pw@db:5432/p100', kafkaBrokers: '127.0.0.1:9092', kafkaDevBroker: false, kafkaVersion: '4.4.0' },
      seconds: 12.3,
    });
    expect(banner).toContain('http://127.0.0.1:3000/v1/users');
    expect(banner).toContain('127.0.0.1:3010');
    expect(banner).toContain('postgres://app:***@db:5432/p100');
    expect(banner).toContain('Apache Kafka 4.4.0');
    for (const secret of [...Object.values(services.DEV_SECRETS as Record<string, string>), 's3cret-pw']) expect(banner).not.toContain(secret);
  });
});
