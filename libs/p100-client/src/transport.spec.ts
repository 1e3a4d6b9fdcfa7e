import { Registry } from 'prom-client';
import { httpCall } from './http-call';
import { P100NetworkError } from './errors';
import { createSender } from './request';
import { json, StubP100 } from './test-support/stub-p100';
import { CLIENT_CLOSED, createUndiciTransport } from './transport';

describe('the undici transport', () => {
  let stub: StubP100;
  beforeEach(async () => {
    stub = await StubP100.start((_req, res) => json(res, 200, { partnerId: 'p-1', balances: [] }));
  });
  afterEach(() => stub.close());

  it('keeps connections alive between calls', async () => {
    const send = createSender({ baseUrl: stub.baseUrl, apiKey: 'test-key-0123456789' }, { registry: new Registry() });
    for (let i = 0; i < 20; i++) await send({ operation: 'getPartnerBalances' });
    expect(stub.requests).toHaveLength(20);
    // undici may open a second socket while the first is finishing its answer; never one per call.
    expect(stub.connectionCount()).toBeLessThanOrEqual(10);
    await send.shutdown();
  });

  it('closes once however often it is closed, and then refuses calls as never sent', async () => {
    const transport = createUndiciTransport();
    const call = { operation: 'getPartnerBalances', method: 'GET', url: `${stub.baseUrl}/v1/partner/balances`, apiKey: 'k', timeoutMs: 1_000 };
    await expect(httpCall(call, { transport, now: Date.now })).resolves.toEqual({ partnerId: 'p-1', balances: [] });
    await Promise.all([transport.close(), transport.close()]);
    await transport.close();

    const error = await httpCall(call, { transport, now: Date.now }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(P100NetworkError);
    expect(error).toMatchObject({ reachedServer: false, causeCode: CLIENT_CLOSED });
    expect(stub.requests).toHaveLength(1);
  });
});
