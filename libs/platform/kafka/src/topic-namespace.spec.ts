import { catalogTopic, kafkaGroupId, kafkaNamespace, kafkaTopic } from './topic-namespace';

describe('Kafka namespace (KAFKA_NAMESPACE)', () => {
  const saved = process.env.KAFKA_NAMESPACE;
  afterEach(() => {
    if (saved === undefined) delete process.env.KAFKA_NAMESPACE;
    else process.env.KAFKA_NAMESPACE = saved;
  });

  it('prefixes topics and group ids, and maps a broker topic back to its catalog name', () => {
    process.env.KAFKA_NAMESPACE = 'staging.';
    expect(kafkaTopic('onboarding.commands')).toBe('staging.onboarding.commands');
    expect(kafkaGroupId('onboarding-kyc')).toBe('staging.onboarding-kyc');
    expect(catalogTopic('staging.p100.webhooks.user')).toBe('p100.webhooks.user');
    // A topic outside the namespace is reported as it is.
    expect(catalogTopic('other.p100.webhooks.user')).toBe('other.p100.webhooks.user');
  });

  it('is empty by default: production names are the catalog names', () => {
    delete process.env.KAFKA_NAMESPACE;
    expect(kafkaNamespace()).toBe('');
    expect(kafkaTopic('payments.events')).toBe('payments.events');
    expect(catalogTopic('payments.events')).toBe('payments.events');
  });

  it.each(['Staging.', 'staging', '.x.', 'a b.', `${'x'.repeat(60)}.`])('refuses the malformed namespace %p', (namespace) => {
    process.env.KAFKA_NAMESPACE = namespace;
    expect(() => kafkaTopic('payments.events')).toThrow(/KAFKA_NAMESPACE/);
  });
});
