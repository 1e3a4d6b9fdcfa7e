import { Registry } from 'prom-client';
import { P100BulkheadFullError, P100TimeoutError } from './errors';
import { createSender } from './request';
import { json, StubP100 } from './test-support/stub-p100';

describe('a bulkhead per endpoint group', () => {
  let stub: StubP100;
  beforeEach(async () => {
    stub = await StubP100.start();
  });
  afterEach(() => stub.close());

  it('refuses at once the calls of a group beyond its limit, leaves other groups alone, and frees slots as calls end', async () => {
    // Users endpoints hang; partner endpoints answer.
    stub.handler = (req, res) => (req.path.includes('/partner') ? json(res, 200, { fiatBalances: [], cryptoBalances: [] }) : undefined);
    const registry = new Registry();
    const send = createSender(
      { baseUrl: stub.baseUrl, apiKey: 'k-123456', timeoutMs: 300, maxConcurrentPerGroup: 2, retry: { maxAttempts: 1 }, breaker: { consecutiveFailures: 0 } },
      { registry },
    );
    try {
      const hung = [1, 2].map((i) => send({ operation: 'getUserBalances', pathParams: { externalUserId: `u-${i}` } }).catch((e: unknown) => e));
      const third = await send({ operation: 'getUserBalances', pathParams: { externalUserId: 'u-3' } }).catch((e: unknown) => e);
      // Refused without waiting for a slot (the hung calls still hold both) and never sent. No
      // stopwatch here: a busy CI machine made a timing bound flaky.
      expect(third).toBeInstanceOf(P100BulkheadFullError);
      expect(stub.requests.some((r) => r.path.includes('u-3'))).toBe(false);
      await expect(send({ operation: 'getPartnerBalances' })).resolves.toEqual({ fiatBalances: [], cryptoBalances: [] });
      for (const result of await Promise.all(hung)) expect(result).toBeInstanceOf(P100TimeoutError);
      // The two slots are free again.
      await expect(send({ operation: 'getUserBalances', pathParams: { externalUserId: 'u-4' } })).rejects.toBeInstanceOf(P100TimeoutError);
      const rejections = (await registry.getSingleMetric('p100_bulkhead_rejections_total')!.get()).values;
      expect(rejections).toEqual([expect.objectContaining({ labels: { group: 'users' }, value: 1 })]);
    } finally {
      send.shutdown();
    }
  });
});
