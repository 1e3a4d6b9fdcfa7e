import { ConfigError } from '@platform/config';
import { loadOnboardingConfig } from './onboarding.config';

const base = { DATABASE_URL: 'postgres://x@y/z', KAFKA_BROKERS: 'k:1', P100_BASE_URL: 'http://p100', P100_API_KEY: 'k-0123456789' };

describe('onboarding-kyc timeouts (docs/timeouts.md)', () => {
  it('starts with the defaults: a 10 s P100 attempt inside the gateway\'s 15 s wait', () => {
    expect(loadOnboardingConfig(base).GATEWAY_COMMAND_TIMEOUT_MS).toBe(15_000);
  });

  it.each([
    ['a P100 timeout longer than the gateway\'s wait', { P100_TIMEOUT_MS: '20000' }],
    ['a P100 timeout that leaves no time for the hops', { P100_TIMEOUT_MS: '14500' }],
    ['a gateway wait shorter than the default P100 timeout', { GATEWAY_COMMAND_TIMEOUT_MS: '5000' }],
  ])('refuses to start with %s, naming both variables', (_label, env) => {
    let error: unknown;
    try {
      loadOnboardingConfig({ ...base, ...env });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(/P100_TIMEOUT_MS.*GATEWAY_COMMAND_TIMEOUT_MS/);
  });

  it('refuses a reconciler that would look at pending intents while their call may still run', () => {
    expect(() => loadOnboardingConfig({ ...base, INTENT_RECONCILE_PENDING_AFTER_MS: '15000' })).toThrow(/INTENT_RECONCILE_PENDING_AFTER_MS.*GATEWAY_COMMAND_TIMEOUT_MS/);
  });

  it('accepts a shorter P100 timeout with a shorter gateway wait', () => {
    expect(loadOnboardingConfig({ ...base, P100_TIMEOUT_MS: '2000', GATEWAY_COMMAND_TIMEOUT_MS: '5000' }).p100.timeoutMs).toBe(2000);
  });
});
