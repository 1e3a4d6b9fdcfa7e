import { Registry } from 'prom-client';
import { runWithCorrelation } from '@platform/logging';
import { P100DeadlineExceededError, P100TimeoutError } from './errors';
import { createSender } from './request';
import { json, StubP100 } from './test-support/stub-p100';

const API_KEY = 'test-key-0123456789';
const balances = { fiatBalances: [], cryptoBalances: [] };

/** The caller's deadline (the command's) bounds every P100 call: nothing is sent or waited for past it. */
describe('the P100 request path under a caller deadline', () => {
  let stub: StubP100;
  const senders: Array<{ shutdown(): void }> = [];
  const senderFor = (over: Record<string, unknown> = {}) => {
    const sender = createSender({ baseUrl: stub.baseUrl, apiKey: API_KEY, ...over }, { registry: new Registry() });
    senders.push(sender);
    return sender;
  };
  beforeEach(async () => {
    stub = await StubP100.start();
  });
  afterEach(async () => {
    senders.splice(0).forEach((s) => s.shutdown());
    await stub.close();
  });

  it('sends nothing once the deadline of the command being handled has passed', async () => {
    stub.handler = (_req, res) => json(res, 200, balances);
    const send = senderFor();
    const call = runWithCorrelation('c-1', () => send({ operation: 'getPartnerBalances' }), Date.now() - 1);
    await expect(call).rejects.toEqual(expect.objectContaining({ sent: false }));
    await expect(call).rejects.toBeInstanceOf(P100DeadlineExceededError);
    expect(stub.requests).toHaveLength(0);
  });

  it('waits for P100 only as long as the deadline leaves, and does not count that against the breaker', async () => {
    stub.handler = () => undefined; // accepts and never answers
    const send = senderFor({ timeoutMs: 10_000, retry: { maxAttempts: 1 }, breaker: { volumeThreshold: 1, errorThresholdPercentage: 1 } });
    const started = Date.now();
    const call = runWithCorrelation('c-2', () => send({ operation: 'getPartnerBalances' }), Date.now() + 200);
    await expect(call).rejects.toEqual(expect.objectContaining({ code: 'DEADLINE_EXCEEDED', sent: true }));
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(send.breakerState('partner')).toBe('closed');
  });

  it('keeps its own timeout when the deadline is further away, and then it is P100\'s timeout', async () => {
    stub.handler = () => undefined;
    const send = senderFor({ timeoutMs: 150, retry: { maxAttempts: 1 } });
    const call = runWithCorrelation('c-3', () => send({ operation: 'getPartnerBalances' }), Date.now() + 60_000);
    await expect(call).rejects.toBeInstanceOf(P100TimeoutError);
  });

  it('does not retry into the deadline: a GET that met a 502 is not sent again when the backoff would pass it', async () => {
    stub.handler = (_req, res) => json(res, 502, 'Bad Gateway');
    const send = senderFor({ retry: { maxAttempts: 3, baseDelayMs: 5_000 } });
    const call = runWithCorrelation('c-4', () => send({ operation: 'getPartnerBalances' }), Date.now() + 1_000);
    await expect(call).rejects.toMatchObject({ httpStatus: 502 });
    expect(stub.requests).toHaveLength(1);
  });
});
