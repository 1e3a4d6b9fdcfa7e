import { json } from './support/test-sandbox';
import { eventually, sleep, type ReceivedWebhook } from './support/webhook-receiver';
import { exactJson, partnerBalance } from './money-fixtures';
import { useTestSandbox } from './support/sandbox-fixture';

const ORDER_STATUS = '/webhook/order/status';
const LOCK_TTL_MS = 1500;
/** 300 s of P100 time × 0.01 = a 3 s payment window. */
const PAYMENT_WINDOW_MS = 300_000;

describe('orders: rates, rate locks, orders and their payment', () => {
  const { sandbox, receiver } = useTestSandbox({
    webhooks: true,
    env: {
      // Short locks and payment windows so expiry is tested without waiting P100's real times.
      P100_SANDBOX_ORDER_LOCK_TTL_MS: String(LOCK_TTL_MS),
      P100_SANDBOX_PAYMENT_WINDOW_MS: String(PAYMENT_WINDOW_MS),
    },
  });

  const lock = async (body: Record<string, unknown>) => {
    const response = await sandbox.p100('/v1/order/lock-rate', json(body));
    expect(response.status).toBe(200);
    return exactJson(response);
  };
  const order = (lockId: string) => sandbox.p100('/v1/order', json({ lockId }));
  const details = async (orderId: string) => exactJson(await sandbox.p100(`/v1/order/details/${orderId}`));
  const untilStatus = (orderId: string, status: string) =>
    eventually(async () => {
      const current = await details(orderId);
      return current.status === status ? current : undefined;
    }, 5_000, `order ${status}`);
  const orderWebhooks = (orderId: string): ReceivedWebhook[] => receiver.received.filter((w) => w.path === ORDER_STATUS && w.body.orderId === orderId);

  it('answers indicative order rates as exact JSON numbers', async () => {
    const response = await sandbox.p100('/v1/order/rates');
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).toContain('"usdc":0.914372');
    expect(text).toContain('"eur":1');
  });

  it('locks the crypto amount for a EUR settlement at the current rate, cut to the coin decimals', async () => {
    const locked = await lock({ currency: 'USDC', amount: '346.59', network: 'polygon' });
    expect(locked).toEqual({
      lockId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      // 346.59 / 0.914372 = 379.047039935…
      amount: '379.047039',
      rate: '0.914372',
      expiresAt: expect.any(String),
      currency: 'usdc',
      destinationCurrency: 'eur',
      network: 'polygon',
    });
    expect(Date.parse(locked.expiresAt) - Date.now()).toBeLessThanOrEqual(LOCK_TTL_MS);
  });

  it('takes an order from wallet assignment through payment and confirmations to COMPLETED, crediting the partner', async () => {
    const before = await partnerBalance(sandbox, 'eur');
    const { lockId } = await lock({ currency: 'usdc', amount: '100.00', network: 'polygon' });
    const created = await order(lockId);
    expect(created.status).toBe(200);
    const { orderId } = await created.json();

    // exactJson keeps every JSON number as its source text.
    const first = await details(orderId);
    expect(first).toMatchObject({ orderId, lockId, cryptocurrency: 'usdc', network: 'POLYGON', requiredConfirmations: '3', confirmations: '0' });
    const waiting = await untilStatus(orderId, 'WAITING_FOR_PAYMENT');
    expect(waiting.walletAddress).toMatch(/^0x[0-9a-f]{40}$/);
    expect(Date.parse(waiting.expiresAt)).toBeGreaterThan(Date.now());
    // 100 / 0.914372 = 109.364678…
    expect(waiting.totalAmountRequired).toBe('109.364678');

    const paid = await sandbox.admin(`/admin/orders/${orderId}/payment`, json({}));
    expect(paid.status).toBe(200);
    expect(await paid.json()).toMatchObject({ status: 'WAITING_FOR_CONFIRMATION', receivedAmount: 109.364678, confirmations: 0 });

    const done = await untilStatus(orderId, 'COMPLETED');
    expect(done).toMatchObject({ confirmations: '3', receivedAmount: '109.364678', transactionHash: expect.stringMatching(/^0x/) });
    await eventually(async () => (orderWebhooks(orderId).some((w) => w.body.status === 'COMPLETED') ? true : undefined), 5_000, 'COMPLETED webhook');
    expect(orderWebhooks(orderId).map((w) => `${w.body.status}:${w.body.confirmations}`)).toEqual([
      'WAITING_FOR_WALLET_ADDRESS:0',
      'WAITING_FOR_PAYMENT:0',
      'WAITING_FOR_CONFIRMATION:0',
      'WAITING_FOR_CONFIRMATION:1',
      'WAITING_FOR_CONFIRMATION:2',
      'COMPLETED:3',
    ]);
    expect(before).toBe('0.00');
    expect(await partnerBalance(sandbox, 'eur')).toBe('100.00');
  });

  it('rejects a lock used twice, an expired lock and an unknown lock with P403', async () => {
    const { lockId } = await lock({ currency: 'eth', amount: '50', network: 'ethereum' });
    expect((await order(lockId)).status).toBe(200);
    expect(await (await order(lockId)).json()).toEqual({ errorCode: 'P403', errorMessage: 'lockId has already been used; request a new lock.' });

    const stale = await lock({ currency: 'eth', amount: '50', network: 'ethereum' });
    await sleep(LOCK_TTL_MS + 100);
    expect(await (await order(stale.lockId)).json()).toEqual({ errorCode: 'P403', errorMessage: 'lockId has expired; request a new lock.' });

    const unknown = await order('36e19a53-a1b4-499c-99f7-b7bfc6be87e4');
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toEqual({ errorCode: 'P403', errorMessage: 'lockId does not match any order lock.' });
  });

  it('ends an underpaid order as UNDERPAID without settlement, and an unpaid one as EXPIRED', async () => {
    const before = await partnerBalance(sandbox, 'eur');
    const underpaid = (await (await order((await lock({ currency: 'usdt', amount: '10', network: 'ethereum' })).lockId)).json()).orderId;
    const expiring = (await (await order((await lock({ currency: 'btc', amount: '10', network: 'btc' })).lockId)).json()).orderId;

    await untilStatus(underpaid, 'WAITING_FOR_PAYMENT');
    expect((await sandbox.admin(`/admin/orders/${underpaid}/payment`, json({ amount: '1' }))).status).toBe(200);
    expect(await untilStatus(underpaid, 'UNDERPAID')).toMatchObject({ receivedAmount: '1', confirmations: '3' });

    const btcOrder = await untilStatus(expiring, 'WAITING_FOR_PAYMENT');
    expect(btcOrder.walletAddress).toMatch(/^tb1q/);
    await untilStatus(expiring, 'EXPIRED');
    expect((await sandbox.admin(`/admin/orders/${expiring}/payment`, json({}))).status).toBe(409);
    expect(await partnerBalance(sandbox, 'eur')).toBe(before);
  });

  it('validates a lock request in one P403, and answers P403 for an unknown order', async () => {
    const invalid = await (await sandbox.p100('/v1/order/lock-rate', json({ currency: 'btc', amount: '10.123', network: 'polygon' }))).json();
    expect(invalid).toEqual({ errorCode: 'P403', errorMessage: 'network must be one of the following values: btc. amount can have at most 2 decimal places for eur.' });
    const missing = await (await sandbox.p100('/v1/order/details/a44a0805-dd40-4dc4-80d7-8bc81783ec42')).json();
    expect(missing.errorCode).toBe('P403');
  });
});
