import { compare } from '../src/money/decimal';
import { withSchema } from './support/test-database';
import { createUser, json, TEST_WEBHOOK_TOKEN } from './support/test-sandbox';
import { sleep } from './support/webhook-receiver';
import { createActiveUser, credit, exactJson, jsonText, partnerBalance, settled, userBalance } from './money-fixtures';
import { useTestSandbox } from './support/sandbox-fixture';

const EXCHANGE_WEBHOOK = '/webhook/exchange/status';
const LOCK_TTL_MS = 1500;

describe('rates, rate locks and exchanges', () => {
  const { sandbox, receiver, schema } = useTestSandbox({
    webhooks: true,
    env: {
      // Short locks so expiry is tested without waiting the contract's 60 s.
      P100_SANDBOX_EXCHANGE_LOCK_TTL_MS: String(LOCK_TTL_MS),
    },
  });

  const userLock = async (externalUserId: string) => exactJson(await sandbox.p100(`/v1/exchange/get-lock/${externalUserId}`));
  const exchange = (body: Record<string, unknown>) => sandbox.p100('/v1/exchange', json(body));

  it('answers indicative rates as exact JSON numbers, for users and the partner', async () => {
    for (const path of ['/v1/exchange/get-rate', '/v1/partner/exchange/get-rate']) {
      const response = await sandbox.p100(path);
      expect(response.status).toBe(200);
      const text = await response.text();
      expect(text).toContain('"btc":55647.81453411');
      expect(JSON.parse(text)).toMatchObject({ eur: 1, usdc: 0.914372, eth: 2188.45355799 });
    }
    expect((await sandbox.p100('/v1/exchange/get-rate', { headers: { 'x-api-key': 'wrong' } })).status).toBe(401);
  });

  it('locks the rates for the configured validity with the fee percentage', async () => {
    const { externalUserId } = await createActiveUser(sandbox);
    const lock = await userLock(externalUserId);
    expect(lock).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      rates: expect.objectContaining({ btc: '55647.81453411', eur: '1' }),
      feePercentage: '1.49',
      createdAt: expect.any(String),
      validUntil: expect.any(String),
    });
    expect(Date.parse(lock.validUntil) - Date.parse(lock.createdAt)).toBe(LOCK_TTL_MS);
    const partnerLock = await exactJson(await sandbox.p100('/v1/partner/exchange/get-lock'));
    expect(partnerLock.id).not.toBe(lock.id);
  });

  it('answers P412 for a lock of an unknown user', async () => {
    const response = await sandbox.p100('/v1/exchange/get-lock/nobody-here');
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ errorCode: 'P412', errorName: 'invalid-user', errorMessage: 'User does not exist' });
  });

  it('queues a user exchange, settles it with exact decimals and sends the Exchange webhook', async () => {
    const { externalUserId } = await createActiveUser(sandbox);
    await credit(sandbox, { externalUserId }, 'btc', '0.12345678');
    const lock = await userLock(externalUserId);

    // The amount goes out as a JSON number literal with 8 decimals.
    const response = await sandbox.p100(
      '/v1/exchange',
      jsonText(`{"sourceExternalUserId":"${externalUserId}","amount":0.12345678,"currencyFrom":"btc","currencyTo":"eur","lockId":"${lock.id}"}`),
    );
    expect(response.status).toBe(200);
    const { exchangeId } = await response.json();
    expect(exchangeId).toMatch(/^[0-9a-f-]{36}$/);

    const details = await settled(sandbox, `/v1/exchange/details/${exchangeId}`);
    expect(details).toMatchObject({
      id: exchangeId,
      exchangeId,
      externalUserId,
      amount: '0.12345678',
      currencyFrom: 'btc',
      currencyTo: 'eur',
      rate: '55647.81453411',
      feePercentage: '1.49',
      fee: '102.37',
      amountTo: '6767.72',
      status: 'COMPLETED',
      error: null,
    });
    expect(await userBalance(sandbox, externalUserId, 'btc')).toBe('0.00000000');
    expect(await userBalance(sandbox, externalUserId, 'eur')).toBe('6767.72');

    const [webhook] = await receiver.waitFor(EXCHANGE_WEBHOOK, externalUserId);
    expect(webhook!.headers.authorization).toBe(TEST_WEBHOOK_TOKEN);
    expect(webhook!.body).toMatchObject({ exchangeId, status: 'COMPLETED', amount: 0.12345678, amountTo: 6767.72 });
  });

  it('reports insufficient funds at processing time, not at request time', async () => {
    const { externalUserId } = await createActiveUser(sandbox);
    await credit(sandbox, { externalUserId }, 'eth', '0.5');
    const lock = await userLock(externalUserId);
    const response = await exchange({ sourceExternalUserId: externalUserId, amount: '0.50000001', currencyFrom: 'eth', currencyTo: 'eur', lockId: lock.id });
    expect(response.status).toBe(200);
    const { exchangeId } = await response.json();

    const details = await settled(sandbox, `/v1/exchange/details/${exchangeId}`);
    expect(details).toMatchObject({ status: 'FAILED', error: { description: 'Insufficient funds', status: 'insufficient-funds' } });
    expect(await userBalance(sandbox, externalUserId, 'eth')).toBe('0.50000000');
    expect(await userBalance(sandbox, externalUserId, 'eur')).toBe('0.00');
    const [webhook] = await receiver.waitFor(EXCHANGE_WEBHOOK, externalUserId);
    expect(webhook!.body).toMatchObject({ exchangeId, status: 'FAILED' });
  });

  it('rejects a lock used twice with P403', async () => {
    const { externalUserId } = await createActiveUser(sandbox);
    await credit(sandbox, { externalUserId }, 'eur', '100');
    const lock = await userLock(externalUserId);
    const body = { sourceExternalUserId: externalUserId, amount: '10', currencyFrom: 'eur', currencyTo: 'btc', lockId: lock.id };
    expect((await exchange(body)).status).toBe(200);
    const second = await exchange(body);
    expect(second.status).toBe(400);
    expect(await second.json()).toEqual({ errorCode: 'P403', errorMessage: 'lockId has already been used; request a new lock.' });
  });

  it('lets only one of two concurrent exchanges use a lock', async () => {
    const { externalUserId } = await createActiveUser(sandbox);
    await credit(sandbox, { externalUserId }, 'eur', '100');
    const lock = await userLock(externalUserId);
    const body = { sourceExternalUserId: externalUserId, amount: '1', currencyFrom: 'eur', currencyTo: 'eth', lockId: lock.id };
    const statuses = (await Promise.all([exchange(body), exchange(body), exchange(body)])).map((r) => r.status).sort();
    expect(statuses).toEqual([200, 400, 400]);
  });

  it('rejects an expired lock with P403', async () => {
    const { externalUserId } = await createActiveUser(sandbox);
    await credit(sandbox, { externalUserId }, 'eur', '100');
    const lock = await userLock(externalUserId);
    await sleep(LOCK_TTL_MS + 100);
    const response = await exchange({ sourceExternalUserId: externalUserId, amount: '10', currencyFrom: 'eur', currencyTo: 'btc', lockId: lock.id });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ errorCode: 'P403', errorMessage: 'lockId has expired; request a new lock.' });
    await withSchema(schema, async (db) => {
      const { rows } = await db.query(`SELECT count(*)::int AS n FROM exchanges WHERE lock_id = $1`, [lock.id]);
      expect(rows[0].n).toBe(0);
    });
  });

  it("does not let the partner or another user use a user's lock", async () => {
    const owner = await createActiveUser(sandbox);
    const other = await createActiveUser(sandbox);
    const lock = await userLock(owner.externalUserId);
    const byOther = await exchange({ sourceExternalUserId: other.externalUserId, amount: '1', currencyFrom: 'eur', currencyTo: 'btc', lockId: lock.id });
    expect(await byOther.json()).toEqual({ errorCode: 'P403', errorMessage: 'lockId does not match any rate lock of this account.' });
    const byPartner = await sandbox.p100('/v1/partner/exchange', json({ amount: 1, currencyFrom: 'eur', currencyTo: 'btc', lockId: lock.id }));
    expect(byPartner.status).toBe(400);
    expect((await byPartner.json()).errorCode).toBe('P403');
  });

  it('validates like P100: every problem in one P403', async () => {
    const { externalUserId } = await createActiveUser(sandbox);
    const response = await exchange({ sourceExternalUserId: externalUserId, amount: '1.123456789', currencyFrom: 'btc', currencyTo: 'btc', lockId: 'nope' });
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.errorCode).toBe('P403');
    expect(body.errorName).toBeUndefined();
    expect(body.errorMessage).toContain('lockId must be a UUID');
    expect(body.errorMessage).toContain('currencyTo must differ from currencyFrom');
    expect(body.errorMessage).toContain('amount can have at most 8 decimal places for btc');

    const unknownCurrency = await exchange({ sourceExternalUserId: externalUserId, amount: 1, currencyFrom: 'doge', currencyTo: 'eur', lockId: crypto.randomUUID() });
    expect((await unknownCurrency.json()).errorMessage).toMatch(/^currencyFrom must be one of the following values: eur, btc/);
    const negative = await exchange({ sourceExternalUserId: externalUserId, amount: -1, currencyFrom: 'eur', currencyTo: 'btc', lockId: crypto.randomUUID() });
    expect((await negative.json()).errorMessage).toBe('amount must be a positive number.');
  });

  it('answers P412 for an unknown user and P459 for a user without KYC approval', async () => {
    const unknown = await exchange({ sourceExternalUserId: 'ghost', amount: 1, currencyFrom: 'eur', currencyTo: 'btc', lockId: crypto.randomUUID() });
    expect((await unknown.json()).errorCode).toBe('P412');
    const { externalUserId } = await createUser(sandbox);
    const unverified = await exchange({ sourceExternalUserId: externalUserId, amount: 1, currencyFrom: 'eur', currencyTo: 'btc', lockId: crypto.randomUUID() });
    expect(await unverified.json()).toMatchObject({ errorCode: 'P459' });
  });

  it('exchanges on the partner balance with a partner lock', async () => {
    await credit(sandbox, { partner: true }, 'eur', '100');
    const before = await partnerBalance(sandbox, 'usdc');
    const lock = await exactJson(await sandbox.p100('/v1/partner/exchange/get-lock'));
    const response = await sandbox.p100('/v1/partner/exchange', json({ amount: 100, currencyFrom: 'eur', currencyTo: 'usdc', lockId: lock.id }));
    expect(response.status).toBe(200);
    const { exchangeId } = await response.json();
    const details = await settled(sandbox, `/v1/exchange/details/${exchangeId}`);
    expect(details).toMatchObject({ externalUserId: null, status: 'COMPLETED', rate: '1.093646787084', fee: '1.629534', amountTo: '107.735144' });
    expect(before).toBe('0.000000');
    expect(await partnerBalance(sandbox, 'usdc')).toBe('107.735144');
  });

  it('answers P403 for details of an unknown or malformed exchange id', async () => {
    const unknown = await sandbox.p100(`/v1/exchange/details/${crypto.randomUUID()}`);
    expect(unknown.status).toBe(400);
    expect((await unknown.json()).errorMessage).toMatch(/does not match any exchange/);
    expect((await (await sandbox.p100('/v1/exchange/details/abc')).json()).errorMessage).toBe('exchangeId must be a UUID.');
  });

  describe('admin rates and drift', () => {
    afterAll(async () => {
      await sandbox.admin('/admin/rates', { ...json({ rates: { btc: '55647.81453411' }, drift: { stepBps: 0, boundBps: 1000 } }), method: 'PUT' });
    });

    it('sets rates exactly and they become what locks see', async () => {
      const put = await sandbox.admin('/admin/rates', { ...json({ rates: { btc: '60000.123456789012' } }), method: 'PUT' });
      expect(put.status).toBe(200);
      expect((await put.json()).rates.btc).toBe('60000.123456789012');
      const text = await (await sandbox.p100('/v1/partner/exchange/get-rate')).text();
      expect(text).toContain('"btc":60000.123456789012');
    });

    it('drifts within the bound on every read when drift is on, and never moves EUR', async () => {
      await sandbox.admin('/admin/rates', { ...json({ rates: { btc: '50000' }, drift: { stepBps: 100, boundBps: 200 } }), method: 'PUT' });
      const seen = new Set<string>();
      for (let i = 0; i < 25; i += 1) {
        const rates = await exactJson(await sandbox.p100('/v1/exchange/get-rate'));
        seen.add(rates.btc);
        expect(rates.eur).toBe('1');
        expect(compare(rates.btc, '49000')).toBeGreaterThanOrEqual(0);
        expect(compare(rates.btc, '51000')).toBeLessThanOrEqual(0);
      }
      expect(seen.size).toBeGreaterThan(1);
    });

    it('rejects malformed admin input with the platform error body', async () => {
      const response = await sandbox.admin('/admin/rates', { ...json({ rates: { btc: 60000 } }), method: 'PUT' });
      expect(response.status).toBe(400);
      expect((await response.json()).error.code).toBe('VALIDATION_FAILED');
    });
  });
});
