import { Registry } from 'prom-client';
import { P100Client } from './client';
import type { P100ClientConfig } from './config';
import { P100Error, P100NetworkError, P100RateLimitedError, P100TimeoutError } from './errors';
import { createSender, type P100ClientDeps } from './request';
import { closedPort, json, StubP100 } from './test-support/stub-p100';

const API_KEY = 'test-key-0123456789';

describe('the P100 request path', () => {
  let stub: StubP100;
  const clients: P100Client[] = [];
  const senders: Array<{ shutdown(): void }> = [];

  const clientFor = (over: Partial<P100ClientConfig> = {}, deps: P100ClientDeps = {}) => {
    const client = new P100Client({ baseUrl: stub.baseUrl, apiKey: API_KEY, ...over }, { registry: new Registry(), ...deps });
    clients.push(client);
    return client;
  };
  const senderFor = (over: Partial<P100ClientConfig> = {}, deps: P100ClientDeps = {}) => {
    const sender = createSender({ baseUrl: stub.baseUrl, apiKey: API_KEY, ...over }, { registry: new Registry(), ...deps });
    senders.push(sender);
    return sender;
  };

  beforeEach(async () => {
    stub = await StubP100.start();
  });

  afterEach(async () => {
    clients.splice(0).forEach((c) => c.close());
    senders.splice(0).forEach((s) => s.shutdown());
    await stub.close();
  });

  it('creates a user with the lower-case x-api-key header and a JSON body', async () => {
    stub.handler = (_req, res) => json(res, 201, { userId: 'p100-user-1', poaRequiredForExtended: false });
    const input = {
      externalUserId: 'ext-1',
      email: 'jan@example.pl',
      phone: '48601234567',
      firstName: 'Jan',
      lastName: 'Kowalski',
      street: 'Marszałkowska',
      number: '1',
      city: 'Warszawa',
      postCode: '00-001',
      country: 'PL',
      citizenship: 'PL',
      nationality: 'PL',
      birthCountry: 'PL',
      birthDate: '1990-05-15',
      hasAcceptedP100Tc: true as const,
    };

    await expect(clientFor().users.create(input)).resolves.toEqual({ userId: 'p100-user-1', poaRequiredForExtended: false });

    const [req] = stub.requests;
    expect(req.method).toBe('POST');
    expect(req.path).toBe('/v1/user/balances/crypto-and-fiat');
    expect(req.rawHeaderNames).toContain('x-api-key');
    expect(req.headers['x-api-key']).toBe(API_KEY);
    expect(req.headers['content-type']).toBe('application/json');
    expect(JSON.parse(req.body)).toEqual(input);
  });

  it('returns balances with every JSON number as its exact decimal string', async () => {
    stub.handler = (_req, res) =>
      json(res, 200, '{"fiatBalances":[{"id":"b1","amount":0.1000000000000000055511,"name":"eur","rate":1,"iban":null,"status":"ACTIVE"}],"cryptoBalances":[]}');

    const balances = await clientFor().users.getBalances('ext/1');

    expect(stub.requests[0].path).toBe('/v1/user/balances/ext%2F1');
    expect(balances.fiatBalances[0].amount).toBe('0.1000000000000000055511');
    expect(balances.fiatBalances[0].rate).toBe('1');
  });

  it('writes an exchange amount as a JSON number literal without passing through a float', async () => {
    stub.handler = (_req, res) => json(res, 200, { exchangeId: 'x-1' });
    await clientFor().exchange.execute({
      sourceExternalUserId: 'ext-1',
      amount: '0.1000000000000000055511',
      currencyFrom: 'eth',
      currencyTo: 'eur',
      lockId: 'lock-1',
    });
    expect(stub.requests[0].body).toContain('"amount":0.1000000000000000055511,');
  });

  it('rejects an amount that is not a plain decimal before calling P100', async () => {
    const exchange = clientFor().exchange;
    await expect(exchange.partnerExecute({ amount: '1e3', currencyFrom: 'eth', currencyTo: 'eur', lockId: 'l' })).rejects.toMatchObject({
      code: 'LOCAL_VALIDATION',
    });
    expect(stub.requests).toHaveLength(0);
  });

  it('uses a configured path instead of the default for an operation', async () => {
    stub.handler = (_req, res) => json(res, 200, { fiatBalances: [], cryptoBalances: [] });
    await clientFor({ paths: { getUserBalances: '/v1/user/{externalUserId}/balances' } }).users.getBalances('ext-1');
    expect(stub.requests[0].path).toBe('/v1/user/ext-1/balances');
  });

  it('sends query parameters and skips undefined ones', async () => {
    stub.handler = (_req, res) => json(res, 200, { networkFee: 0.000469 });
    await expect(clientFor().crypto.getNetworkFee({ currency: 'eth' })).resolves.toEqual({ networkFee: '0.000469' });
    expect(stub.requests[0].path).toBe('/v1/crypto-withdrawal/get-network-fee?currency=eth');
  });

  it('returns text for an HTML answer and nothing for an empty one', async () => {
    stub.handler = (req, res) => {
      if (req.path.startsWith('/v1/kyc/verification/')) {
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end('<html>loading</html>');
      } else {
        res.writeHead(201);
        res.end();
      }
    };
    const client = clientFor();
    await expect(client.kyc.getVerificationPage('ext-1', 'ver-1')).resolves.toBe('<html>loading</html>');
    await expect(client.users.addVerification({ externalUserId: 'ext-1' })).resolves.toBeUndefined();
  });

  // Regression (issue 8, finding 8): the client asked for JSON where the contract declares only text/html.
  it('asks for the media type the contract declares: text/html for Redirect to Verification, JSON otherwise', async () => {
    stub.handler = (_req, res) => json(res, 200, { status: 'ACTIVE' });
    const client = clientFor();
    await client.kyc.getVerificationPage('ext-1', 'ver-1').catch(() => undefined);
    await client.users.getBalances('ext-1').catch(() => undefined);
    expect(stub.requests.map((r) => [r.path, r.headers.accept])).toEqual([
      ['/v1/kyc/verification/ext-1/ver-1', 'text/html'],
      ['/v1/user/balances/ext-1', 'application/json'],
    ]);
  });

  it('does not follow a redirect, so the API key never goes to another host', async () => {
    stub.handler = (_req, res) => {
      res.writeHead(302, { location: 'http://127.0.0.1:1/elsewhere' });
      res.end();
    };
    await expect(clientFor({ retry: { maxAttempts: 1 } }).partner.getBalances()).rejects.toMatchObject({ code: 'HTTP_302', httpStatus: 302 });
    expect(stub.requests).toHaveLength(1);
  });

  it('times out only the call whose deadline passed, leaving a concurrent call alone', async () => {
    stub.handler = (req, res) => {
      if (req.path.endsWith('/slow')) return; // never answers
      setTimeout(() => json(res, 200, { fiatBalances: [], cryptoBalances: [] }), 300);
    };
    const send = senderFor({ retry: { maxAttempts: 1 } });

    const slow = send({ operation: 'getUserBalances', pathParams: { externalUserId: 'slow' }, timeoutMs: 100 });
    const fast = send({ operation: 'getUserBalances', pathParams: { externalUserId: 'fast' }, timeoutMs: 5_000 });

    await expect(slow).rejects.toBeInstanceOf(P100TimeoutError);
    await expect(fast).resolves.toEqual({ fiatBalances: [], cryptoBalances: [] });
  });

  it('retries a GET that met a 502 and returns the second answer', async () => {
    let calls = 0;
    stub.handler = (_req, res) => (++calls === 1 ? json(res, 502, 'Bad Gateway') : json(res, 200, { fiatBalances: [], cryptoBalances: [] }));
    const registry = new Registry();

    await clientFor({ retry: { baseDelayMs: 1 } }, { registry }).partner.getBalances();

    expect(stub.requests).toHaveLength(2);
    const retries = await registry.getSingleMetric('p100_retries_total')!.get();
    expect(retries.values).toEqual([expect.objectContaining({ labels: { operation: 'getPartnerBalances', reason: 'outage' }, value: 1 })]);
  });

  it('does not retry a POST that met a 502, because P100 may have processed it', async () => {
    stub.handler = (_req, res) => json(res, 502, 'Bad Gateway');
    const transfers = clientFor({ retry: { baseDelayMs: 1 } }).transfers;

    await expect(transfers.create({ destinationExternalUserId: 'ext-1', amount: '10', currency: 'eur' })).rejects.toMatchObject({
      httpStatus: 502,
      isOutage: true,
    });
    expect(stub.requests).toHaveLength(1);
  });

  it('retries a POST whose connection was refused, since it never reached P100', async () => {
    const port = await closedPort();
    const sleeps: number[] = [];
    let refusedStub: StubP100 | undefined;
    const client = new P100Client(
      { baseUrl: `http://127.0.0.1:${port}`, apiKey: API_KEY, retry: { baseDelayMs: 1 } },
      {
        registry: new Registry(),
        // P100 comes back while we back off.
        sleep: async (ms) => {
          sleeps.push(ms);
          refusedStub ??= await StubP100.start((_req, res) => json(res, 201, { transferId: 't-1' }), port);
        },
      },
    );
    clients.push(client);
    try {
      await expect(client.transfers.create({ destinationExternalUserId: 'ext-1', amount: '10', currency: 'eur' })).resolves.toEqual({
        transferId: 't-1',
      });
      expect(sleeps).toHaveLength(1);
      expect(refusedStub?.requests).toHaveLength(1);
    } finally {
      await refusedStub?.close();
    }
  });

  it('reports a refused connection as a network error that never reached P100', async () => {
    const port = await closedPort();
    const client = new P100Client({ baseUrl: `http://127.0.0.1:${port}`, apiKey: API_KEY, retry: { maxAttempts: 1 } }, { registry: new Registry() });
    clients.push(client);
    const error = await client.partner.getBalances().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(P100NetworkError);
    expect(error).toMatchObject({ reachedServer: false, causeCode: 'ECONNREFUSED', operation: 'getPartnerBalances' });
  });

  it('waits for the seconds of Retry-After on 429 and then sends the call again', async () => {
    let calls = 0;
    stub.handler = (_req, res) => (++calls === 1 ? json(res, 429, {}, { 'retry-after': '2' }) : json(res, 200, { transferId: 't-1' }));
    const sleeps: number[] = [];

    const result = await clientFor({}, { sleep: async (ms) => void sleeps.push(ms) }).sepa.createPartnerTransfer({
      amount: '16.02',
      currency: 'eur',
      destinationIban: 'PL09102044050000210205531111',
      transferTitle: 'Invoice 7',
    });

    expect(result).toEqual({ transferId: 't-1' });
    expect(sleeps).toEqual([2000]);
    expect(stub.requests).toHaveLength(2);
  });

  it('honours Retry-After given as an HTTP date', async () => {
    const now = Date.parse('Wed, 21 Oct 2026 07:28:00 GMT');
    let calls = 0;
    stub.handler = (_req, res) =>
      ++calls === 1 ? json(res, 429, {}, { 'retry-after': 'Wed, 21 Oct 2026 07:28:03 GMT' }) : json(res, 200, { fiatBalances: [], cryptoBalances: [] });
    const sleeps: number[] = [];
    await clientFor({}, { now: () => now, sleep: async (ms) => void sleeps.push(ms) }).partner.getBalances();
    expect(sleeps).toEqual([3000]);
  });

  it('gives up on a 429 whose Retry-After exceeds the configured cap and says how long to wait', async () => {
    stub.handler = (_req, res) => json(res, 429, {}, { 'retry-after': '120' });
    const sleeps: number[] = [];
    const error = await clientFor({ retry: { maxRetryAfterMs: 10_000 } }, { sleep: async (ms) => void sleeps.push(ms) })
      .partner.getBalances()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(P100RateLimitedError);
    expect(error).toMatchObject({ retryAfterMs: 120_000, httpStatus: 429 });
    expect(sleeps).toEqual([]);
    expect(stub.requests).toHaveLength(1);
  });

  it('counts requests and their latency by operation and outcome', async () => {
    stub.handler = (req, res) =>
      req.path.endsWith('/missing') ? json(res, 400, { errorCode: 'P412', errorName: 'invalid-user', errorMessage: 'User does not exist' }) : json(res, 200, {});
    const registry = new Registry();
    const users = clientFor({}, { registry }).users;
    await users.getBalances('ext-1');
    await users.getBalances('missing').catch(() => undefined);

    const text = await registry.metrics();
    expect(text).toContain('p100_requests_total{operation="getUserBalances",outcome="success"} 1');
    expect(text).toContain('p100_requests_total{operation="getUserBalances",outcome="business_error"} 1');
    expect(text).toContain('p100_request_duration_seconds_count{operation="getUserBalances",outcome="success"} 1');
  });

  it('lets two clients share one registry without a duplicate-metric error', async () => {
    const registry = new Registry();
    const first = clientFor({}, { registry });
    const second = clientFor({}, { registry });
    await first.partner.getBalances();
    await second.partner.getBalances();
    expect(await registry.metrics()).toContain('p100_requests_total{operation="getPartnerBalances",outcome="success"} 2');
  });

  it('spaces calls with the optional client-side rate limit', async () => {
    const sleeps: number[] = [];
    const partner = clientFor({ rateLimit: { requestsPerSecond: 1 } }, { now: () => 0, sleep: async (ms) => void sleeps.push(ms) }).partner;
    await Promise.all([partner.getBalances(), partner.getBalances()]);
    expect(sleeps).toEqual([1000]);
  });

  it('maps an unknown failure status to a P100Error with the status as its code', async () => {
    stub.handler = (_req, res) => {
      res.writeHead(503, { 'content-type': 'text/html' });
      res.end('<h1>down</h1>');
    };
    const error = await clientFor({ retry: { maxAttempts: 1 } }).partner.getBalances().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(P100Error);
    expect(error).toMatchObject({ code: 'HTTP_503', httpStatus: 503, isOutage: true });
  });
});
