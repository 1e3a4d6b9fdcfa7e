import { P100Client, P100CircuitOpenError, P100NetworkError, P100ServiceUnavailableError } from '@platform/p100-client';
import { defaultContractValidator, writeRunRecords } from '@platform/p100-contract';
import { Registry } from 'prom-client';
import { dropSchema, uniqueSchema } from '../test/support/test-database';
import { createUser, json, startTestSandbox, TEST_API_KEY, type TestSandbox } from '../test/support/test-sandbox';
import { eventually } from '../test/support/webhook-receiver';
import { startContractHarness, type ContractHarness } from './support/contract-harness';
import { createRecordingTransport } from './support/recording-transport';

/** Enough calls to reach the breaker's volume threshold several times over. */
const CALLS = 6;
const BREAKER = { volumeThreshold: 3, errorThresholdPercentage: 50, rollingCountTimeout: 60_000 };

/** Makes the sandbox answer the next `count` requests of `group` with P100 error `errorCode`. */
async function injectError(sandbox: TestSandbox, group: string, errorCode: string, count = CALLS): Promise<void> {
  const response = await sandbox.admin(`/admin/faults/${group}`, { ...json({ failure: { kind: 'error', errorCode }, count }), method: 'PUT' });
  expect(response.status).toBe(200);
}

describe('P100 breakers against the sandbox: which answers open a group', () => {
  let h: ContractHarness;

  beforeAll(async () => {
    // A long reset timeout: once open, a breaker stays open for the rest of the test.
    h = await startContractHarness('breakers', {
      env: { P100_SANDBOX_KYC_FEE_EUR: '5.00' },
      client: { breaker: { ...BREAKER, resetTimeout: 60_000 } },
    });
  });
  afterAll(() => h?.close());
  afterEach(async () => {
    expect((await h.sandbox.admin('/admin/faults', { method: 'DELETE' })).status).toBe(200);
  });

  it('opens the group on P501 delivered as HTTP 400, then fails fast without a request; other groups stay closed', async () => {
    const { externalUserId } = await createUser(h.sandbox);
    await injectError(h.sandbox, 'users', 'P501');

    for (let i = 0; i < BREAKER.volumeThreshold; i++) {
      const error = await h.client.users.getBalances(externalUserId).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(P100ServiceUnavailableError);
      expect(error).toMatchObject({ code: 'P501', httpStatus: 400 });
    }
    expect(h.client.breakerState('users')).toBe('open');

    const sent = h.tap.requestsSent;
    await expect(h.client.users.getBalances(externalUserId)).rejects.toBeInstanceOf(P100CircuitOpenError);
    expect(h.tap.requestsSent).toBe(sent);
    expect(h.client.breakerState('kyc')).toBe('closed');
    // One request per call (retries are off), each answered with P100's documented error shape.
    const p501 = h.tap.exchanges.filter((e) => e.errorCode === 'P501');
    expect(p501.map((e) => [e.status, e.ok])).toEqual(Array(BREAKER.volumeThreshold).fill([400, true]));
  });

  it('keeps the group closed on P433 insufficient funds (a business answer proves P100 is up)', async () => {
    // Real P433: the sandbox charges a KYC fee per hosted verification and the partner holds no EUR.
    const { externalUserId } = await createUser(h.sandbox);
    const session = { externalUserId, documentType: 'ID_CARD', country: 'PL', incomeSource: 'OTHER', openAccountReason: 'DAILY_USE', additionalInfo: 'x' } as const;
    for (let i = 0; i < CALLS; i++) {
      await expect(h.client.kyc.createVerification(session)).rejects.toMatchObject({ code: 'P433', httpStatus: 400 });
    }
    expect(h.client.breakerState('kyc')).toBe('closed');
  });

  it("keeps the group closed on P403 validation errors from the sandbox's own validation", async () => {
    for (let i = 0; i < CALLS; i++) {
      // No fault injected: the sandbox itself rejects the body without externalUserId.
      await expect(h.client.users.addVerification({} as never)).rejects.toMatchObject({ code: 'P403', httpStatus: 400 });
    }
    expect(h.client.breakerState('kyc')).toBe('closed');
  });
});

describe('P100 breakers against the sandbox: down and back', () => {
  const schema = uniqueSchema();
  let sandbox: TestSandbox | undefined;
  let client: P100Client;
  const tap = createRecordingTransport(defaultContractValidator().contract);

  afterAll(async () => {
    await client?.close();
    await tap.transport.close();
    await sandbox?.close();
    writeRunRecords('breakers-down', { exchanges: tap.exchanges.map(({ body: _b, ...record }) => record) });
    await dropSchema(schema);
  });

  it('opens while the sandbox is down, rejects without a request, then half-opens and closes once it is back', async () => {
    sandbox = await startTestSandbox(schema);
    const port = new URL(sandbox.baseUrl).port;
    client = new P100Client(
      { baseUrl: sandbox.baseUrl, apiKey: TEST_API_KEY, retry: { maxAttempts: 1 }, breaker: { ...BREAKER, resetTimeout: 300 } },
      { registry: new Registry(), transport: tap.transport },
    );
    const { externalUserId } = await createUser(sandbox);
    await client.users.getBalances(externalUserId);

    await sandbox.close();
    sandbox = undefined;
    // Connection refused counts against the breaker; it opens once the volume threshold is met.
    const failures: unknown[] = [];
    while (client.breakerState('users') !== 'open' && failures.length < 10) {
      failures.push(await client.users.getBalances(externalUserId).catch((e: unknown) => e));
    }
    expect(client.breakerState('users')).toBe('open');
    expect(failures.length).toBeGreaterThan(0);
    // A pooled keep-alive socket may fail first (UND_ERR_SOCKET); new connections are refused.
    expect(failures.every((e) => e instanceof P100NetworkError)).toBe(true);
    const sent = tap.requestsSent;
    await expect(client.users.getBalances(externalUserId)).rejects.toBeInstanceOf(P100CircuitOpenError);
    expect(tap.requestsSent).toBe(sent);

    sandbox = await startTestSandbox(schema, { P100_SANDBOX_PORT: port });
    await eventually(async () => (client.breakerState('users') === 'half_open' ? true : undefined), 5_000, 'the breaker to half-open');
    const balances = await client.users.getBalances(externalUserId);
    expect(balances).toEqual({ fiatBalances: [], cryptoBalances: [] });
    expect(tap.requestsSent).toBe(sent + 1);
    expect(client.breakerState('users')).toBe('closed');
  });
});
