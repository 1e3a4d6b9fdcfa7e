import { Registry } from 'prom-client';
import { P100Client } from './client';
import type { P100ClientConfig } from './config';
import { P100CircuitOpenError, P100InsufficientFundsError, P100ServiceUnavailableError, P100TimeoutError, P100ValidationError } from './errors';
import { json, StubP100 } from './test-support/stub-p100';

const breaker = { volumeThreshold: 3, errorThresholdPercentage: 50, resetTimeout: 300, rollingCountTimeout: 10_000 };
const P501 = { errorCode: 'P501', errorMessage: 'Service temporarily unavailable' };

describe('breakers per endpoint group', () => {
  let stub: StubP100;
  let client: P100Client;
  let registry: Registry;

  const start = (over: Partial<P100ClientConfig> = {}) => {
    registry = new Registry();
    client = new P100Client({ baseUrl: stub.baseUrl, apiKey: 'k-123456', breaker, retry: { maxAttempts: 1 }, ...over }, { registry });
  };
  const balances = () => client.users.getBalances('ext-1').catch((e: unknown) => e);
  const metric = async (name: string) => (await registry.getSingleMetric(name)!.get()).values;

  beforeEach(async () => {
    stub = await StubP100.start();
    start();
  });

  afterEach(async () => {
    client.close();
    await stub.close();
  });

  it('opens after P501 sent as HTTP 400 passes the threshold and then fails fast without calling P100', async () => {
    stub.handler = (_req, res) => json(res, 400, P501);
    for (let i = 0; i < 3; i++) expect(await balances()).toBeInstanceOf(P100ServiceUnavailableError);
    expect(client.breakerState('users')).toBe('open');

    const error = await balances();
    expect(error).toBeInstanceOf(P100CircuitOpenError);
    expect(error).toMatchObject({ group: 'users', operation: 'getUserBalances' });
    expect(stub.requests).toHaveLength(3);
    expect(await metric('p100_breaker_rejections_total')).toEqual([expect.objectContaining({ labels: { group: 'users' }, value: 1 })]);
    expect(await metric('p100_breaker_state')).toContainEqual(expect.objectContaining({ labels: { group: 'users' }, value: 2 }));
    expect(await registry.metrics()).toContain('p100_requests_total{operation="getUserBalances",outcome="circuit_open"} 1');
  });

  it('lets a handler ask before it writes anything: failFastIfOpen throws only for an open group', async () => {
    stub.handler = (_req, res) => json(res, 400, P501);
    expect(() => client.failFastIfOpen('getUserBalances')).not.toThrow();
    for (let i = 0; i < 3; i++) await balances();
    expect(() => client.failFastIfOpen('createUserAccount')).toThrow(P100CircuitOpenError);
    expect(() => client.failFastIfOpen('getPartnerBalances')).not.toThrow();
  });

  it('leaves other groups working while one group is open', async () => {
    stub.handler = (req, res) => (req.path.startsWith('/v1/user/') ? json(res, 400, P501) : json(res, 200, { eur: 1 }));
    for (let i = 0; i < 3; i++) await balances();
    expect(client.breakerState('users')).toBe('open');

    await expect(client.exchange.getRates()).resolves.toEqual({ eur: '1' });
    expect(client.breakerState('exchange')).toBe('closed');
  });

  it('opens on HTTP 5xx answers too', async () => {
    stub.handler = (_req, res) => json(res, 500, 'oops');
    for (let i = 0; i < 3; i++) await balances();
    expect(client.breakerState('users')).toBe('open');
  });

  it('opens on timeouts', async () => {
    client.close();
    start({ timeoutMs: 50 });
    stub.handler = () => undefined; // never answers
    for (let i = 0; i < 3; i++) expect(await balances()).toBeInstanceOf(P100TimeoutError);
    expect(client.breakerState('users')).toBe('open');
  });

  it('opens on a hang at low traffic: a run of timeouts opens it although the volume is never reached', async () => {
    stub.handler = () => undefined; // accepts the connection, never answers
    start({ timeoutMs: 100, breaker: { volumeThreshold: 1_000, errorThresholdPercentage: 50, resetTimeout: 60_000, rollingCountTimeout: 1_000, consecutiveFailures: 4 } });
    for (let i = 0; i < 4; i++) expect(await balances()).toBeInstanceOf(P100TimeoutError);
    expect(client.breakerState('users')).toBe('open');
    const started = performance.now();
    expect(await balances()).toBeInstanceOf(P100CircuitOpenError);
    expect(performance.now() - started).toBeLessThan(100);
    expect(stub.requests).toHaveLength(4);
  });

  it('ends a run of failures with an answer: failures spread between successes never open it by the run rule', async () => {
    let call = 0;
    stub.handler = (_req, res) => (++call % 3 === 0 ? json(res, 200, { fiatBalances: [], cryptoBalances: [] }) : json(res, 400, P501));
    start({ breaker: { volumeThreshold: 1_000, errorThresholdPercentage: 50, resetTimeout: 60_000, rollingCountTimeout: 10_000, consecutiveFailures: 3 } });
    for (let i = 0; i < 12; i++) await balances();
    expect(client.breakerState('users')).toBe('closed');
  });

  it('never opens on insufficient funds (P433) or validation errors (P403), however many there are', async () => {
    stub.handler = (req, res) =>
      req.path === '/v1/transfer'
        ? json(res, 400, { errorCode: 'P433', errorName: 'insufficient-funds', errorMessage: 'Insufficient funds' })
        : json(res, 400, { errorCode: 'P403', errorMessage: 'amount must be a number' });
    for (let i = 0; i < 10; i++) {
      const funds = await client.transfers.create({ sourceExternalUserId: 'ext-1', amount: '1', currency: 'eur' }).catch((e: unknown) => e);
      expect(funds).toBeInstanceOf(P100InsufficientFundsError);
      const invalid = await client.transfers.getDetails('t-1').catch((e: unknown) => e);
      expect(invalid).toBeInstanceOf(P100ValidationError);
    }
    expect(client.breakerState('transfers')).toBe('closed');
    expect(stub.requests).toHaveLength(20);
  });

  it('closes again through half-open once P100 is healthy after the reset timeout', async () => {
    let healthy = false;
    stub.handler = (_req, res) => (healthy ? json(res, 200, { fiatBalances: [], cryptoBalances: [] }) : json(res, 400, P501));
    for (let i = 0; i < 3; i++) await balances();
    expect(client.breakerState('users')).toBe('open');

    healthy = true;
    await new Promise((resolve) => setTimeout(resolve, breaker.resetTimeout + 100));
    expect(client.breakerState('users')).toBe('half_open');

    await expect(client.users.getBalances('ext-1')).resolves.toEqual({ fiatBalances: [], cryptoBalances: [] });
    expect(client.breakerState('users')).toBe('closed');
    const transitions = (await metric('p100_breaker_transitions_total')).map((v) => v.labels.to);
    expect(transitions).toEqual(['open', 'half_open', 'closed']);
    expect(await metric('p100_breaker_state')).toContainEqual(expect.objectContaining({ labels: { group: 'users' }, value: 0 }));
  });

  it('opens again when the half-open trial call still fails', async () => {
    stub.handler = (_req, res) => json(res, 400, P501);
    for (let i = 0; i < 3; i++) await balances();
    await new Promise((resolve) => setTimeout(resolve, breaker.resetTimeout + 100));
    expect(client.breakerState('users')).toBe('half_open');

    expect(await balances()).toBeInstanceOf(P100ServiceUnavailableError);
    expect(client.breakerState('users')).toBe('open');
  });
});
