import { ConfigError } from '@platform/config';
import { loadSandboxConfig } from '../src/config/sandbox-config';

describe('the sandbox configuration', () => {
  const minimal = { DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/x', P100_SANDBOX_API_KEY: 'k' };

  it('starts from DATABASE_URL and the API key alone, without Kafka, with P100-like defaults', () => {
    const config = loadSandboxConfig(minimal);
    expect(config).toMatchObject({
      port: 3100,
      schema: 'p100_sandbox',
      timeScale: 1,
      kycDecisionDelayMs: 1000,
      defaultKycDecision: 'approve',
      webhook: { baseUrl: undefined, token: undefined },
    });
    expect([...config.forbiddenCountries]).toEqual(['KP', 'IR', 'SY', 'CU', 'RU', 'BY']);
  });

  it('names every missing variable', () => {
    expect(() => loadSandboxConfig({})).toThrow(ConfigError);
    expect(() => loadSandboxConfig({})).toThrow(/DATABASE_URL is required[\s\S]*P100_SANDBOX_API_KEY is required/);
  });

  it('requires the webhook token once a webhook URL is set', () => {
    expect(() => loadSandboxConfig({ ...minimal, P100_SANDBOX_WEBHOOK_URL: 'http://127.0.0.1:3004' })).toThrow(/P100_SANDBOX_WEBHOOK_TOKEN/);
    const config = loadSandboxConfig({ ...minimal, P100_SANDBOX_WEBHOOK_URL: 'http://127.0.0.1:3004/', P100_SANDBOX_WEBHOOK_TOKEN: 't' });
    expect(config.webhook).toEqual({ baseUrl: 'http://127.0.0.1:3004', token: 't' });
  });

  it('rejects an unknown default decision', () => {
    expect(() => loadSandboxConfig({ ...minimal, P100_SANDBOX_DEFAULT_KYC_DECISION: 'maybe' })).toThrow(/P100_SANDBOX_DEFAULT_KYC_DECISION/);
  });
});
