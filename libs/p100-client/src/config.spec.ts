import { P100_BASE_URLS, P100ConfigError, p100ConfigFromEnv, resolveP100Config } from './config';

describe('P100 client configuration', () => {
  it('fails fast naming the missing API key variable', () => {
    expect(() => p100ConfigFromEnv({ P100_BASE_URL: 'http://localhost:3100' })).toThrow(/P100_API_KEY is required but not set/);
  });

  it('fails naming the base URL variable when neither it nor a known environment is given', () => {
    expect(() => p100ConfigFromEnv({ P100_API_KEY: 'k-1234' })).toThrow(/P100_BASE_URL is required/);
    expect(() => p100ConfigFromEnv({ P100_API_KEY: 'k-1234', P100_ENVIRONMENT: 'sandbox' })).toThrow(/P100_BASE_URL is required/);
  });

  it('uses the contract base URL for staging and production', () => {
    expect(p100ConfigFromEnv({ P100_API_KEY: 'k-1234', P100_ENVIRONMENT: 'staging' }).baseUrl).toBe(P100_BASE_URLS.staging);
    expect(p100ConfigFromEnv({ P100_API_KEY: 'k-1234', P100_ENVIRONMENT: 'production' }).baseUrl).toBe('https://partner-api.p100.io');
  });

  it('reads timeouts, breaker, retry, rate limit and path overrides', () => {
    const config = p100ConfigFromEnv({
      P100_API_KEY: 'k-1234',
      P100_BASE_URL: 'http://127.0.0.1:3100/',
      P100_TIMEOUT_MS: '2500',
      P100_BREAKER_RESET_TIMEOUT_MS: '1000',
      P100_RETRY_MAX_ATTEMPTS: '1',
      P100_RATE_LIMIT_RPS: '5',
      P100_PATHS: '{"getUserBalances":"/v1/user/{externalUserId}/balances"}',
    });
    const resolved = resolveP100Config(config);
    expect(resolved).toMatchObject({
      baseUrl: 'http://127.0.0.1:3100',
      timeoutMs: 2500,
      breaker: { resetTimeout: 1000, errorThresholdPercentage: 50 },
      retry: { maxAttempts: 1, baseDelayMs: 200 },
      rateLimit: { requestsPerSecond: 5 },
      paths: { getUserBalances: '/v1/user/{externalUserId}/balances' },
    });
  });

  it('defaults the timeout to 10 seconds', () => {
    expect(resolveP100Config({ baseUrl: 'http://x', apiKey: 'k-1234' }).timeoutMs).toBe(10_000);
  });

  it('rejects a malformed number with the variable name', () => {
    expect(() => p100ConfigFromEnv({ P100_API_KEY: 'k-1234', P100_BASE_URL: 'http://x', P100_TIMEOUT_MS: '10s' })).toThrow(/P100_TIMEOUT_MS/);
  });

  it('rejects a path override for an unknown operation or with other placeholders', () => {
    const base = { baseUrl: 'http://x', apiKey: 'k-1234' };
    expect(() => resolveP100Config({ ...base, paths: { nope: '/v1/x' } as never })).toThrow(/paths.nope: unknown operation/);
    expect(() => resolveP100Config({ ...base, paths: { getUserBalances: '/v1/user/{userId}/balances' } })).toThrow(
      /paths.getUserBalances must use the placeholders \{externalUserId\}/,
    );
  });

  it('rejects a key with surrounding whitespace without printing the key', () => {
    const key = ' hidden-key-value ';
    let error: unknown;
    try {
      resolveP100Config({ baseUrl: 'http://x', apiKey: key });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(P100ConfigError);
    expect((error as Error).message).toMatch(/whitespace/);
    expect((error as Error).message).not.toContain('hidden-key-value');
  });
});
