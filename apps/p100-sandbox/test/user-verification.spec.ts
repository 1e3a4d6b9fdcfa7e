import { withSchema } from './support/test-database';
import { createUser, json, TEST_WEBHOOK_TOKEN } from './support/test-sandbox';
import { eventually, sleep } from './support/webhook-receiver';
import { useTestSandbox } from './support/sandbox-fixture';
import { setKycDecision, userState } from './support/sandbox-admin';

const USER_STATUS = '/webhook/user/status';
const KYC_VERIFICATION_STATUS = '/webhook/kyc-verification/status';

describe('Add User Verification and the KYC decision', () => {
  const { sandbox, receiver, schema } = useTestSandbox({ webhooks: true });

  const verify = (externalUserId: string) => sandbox.p100('/v1/user/verification', json({ externalUserId, documentType: 'ID_CARD' }));
  const balancesOf = async (externalUserId: string) => (await sandbox.p100(`/v1/user/balances/${externalUserId}`)).json();

  it('approves after the scaled delay: balances appear and user-status ACTIVE is delivered with the token', async () => {
    const { externalUserId } = await createUser(sandbox);

    const response = await verify(externalUserId);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({});

    const [webhook] = await receiver.waitFor(USER_STATUS, externalUserId);
    expect(webhook!.body).toEqual({ externalUserId, status: 'ACTIVE' });
    expect(webhook!.headers.authorization).toBe(TEST_WEBHOOK_TOKEN);
    expect(webhook!.headers['content-type']).toMatch(/^application\/json/);

    const balances = await balancesOf(externalUserId);
    expect(balances.fiatBalances).toEqual([
      { id: expect.any(String), amount: '0.00', name: 'eur', rate: 1, iban: expect.stringMatching(/^LT\d{18}$/), status: 'ACTIVE' },
    ]);
    expect(balances.cryptoBalances.map((b: { name: string; amount: string }) => [b.name, b.amount])).toEqual([
      ['btc', '0.00000000'],
      ['eth', '0.00000000'],
      ['ltc', '0.00000000'],
      ['pol', '0.00000000'],
      ['usdc', '0.000000'],
      ['usdt', '0.000000'],
    ]);
    const byName = Object.fromEntries(balances.cryptoBalances.map((b: { name: string }) => [b.name, b]));
    expect(byName.btc).toMatchObject({ rate: 55647.81453411, wallet: expect.stringMatching(/^tb1q/) });
    expect(byName.usdc.networkConfig).toEqual({
      ethereum: { mainnet: false, name: 'sepolia', withdrawal: { feeWithdrawal: 10, minWithdrawal: 1 }, deposit: { minDeposit: 5 } },
      polygon: { mainnet: false, name: 'amoy', withdrawal: { feeWithdrawal: 0.5, minWithdrawal: 2 }, deposit: { minDeposit: 0 } },
    });
    expect(byName.usdc.wallet).toMatch(/^0x[0-9a-f]{40}$/);
    expect(byName.eth.wallet).toBe(byName.usdc.wallet);

    const [kycStatus] = await receiver.waitFor(KYC_VERIFICATION_STATUS, externalUserId);
    expect(kycStatus!.body).toEqual({ externalUserId, verificationId: expect.any(String), status: 'APPROVED' });
  });

  it('gives residents of countries without IBAN issuing an EUR balance without IBAN', async () => {
    const { externalUserId } = await createUser(sandbox, { country: 'US' });
    await verify(externalUserId);
    await receiver.waitFor(USER_STATUS, externalUserId);
    const balances = await balancesOf(externalUserId);
    expect(balances.fiatBalances[0]).toMatchObject({ name: 'eur', status: 'ACTIVE', iban: null });
  });

  it('reports amounts as exact decimal strings truncated to the currency decimals, never through a float', async () => {
    const { externalUserId, userId } = await createUser(sandbox);
    await verify(externalUserId);
    await receiver.waitFor(USER_STATUS, externalUserId);
    await withSchema(schema, async (db) => {
      await db.query(`UPDATE balances SET amount = '98765432109876543.219' WHERE user_id = $1 AND currency = 'eur'`, [userId]);
      await db.query(`UPDATE balances SET amount = '0.123456789' WHERE user_id = $1 AND currency = 'btc'`, [userId]);
    });
    const balances = await balancesOf(externalUserId);
    expect(balances.fiatBalances[0].amount).toBe('98765432109876543.21');
    expect(balances.cryptoBalances.find((b: { name: string }) => b.name === 'btc').amount).toBe('0.12345678');
  });

  it('rejects when the admin set a reject decision: no balances, REJECTED by webhook and nothing on user-status', async () => {
    const { externalUserId } = await createUser(sandbox);
    const put = await setKycDecision(sandbox, externalUserId, 'reject');
    expect(put.status).toBe(200);

    expect((await verify(externalUserId)).status).toBe(200);

    const [webhook] = await receiver.waitFor(KYC_VERIFICATION_STATUS, externalUserId);
    expect(webhook!.body).toMatchObject({ externalUserId, status: 'REJECTED' });
    const state = await userState(sandbox, externalUserId);
    expect(state.status).toBe('REJECTED');
    expect(await balancesOf(externalUserId)).toEqual({ fiatBalances: [], cryptoBalances: [] });
    await sleep(200);
    expect(receiver.matching(USER_STATUS, externalUserId)).toEqual([]);
  });

  it('asks for proof of address on a poa_required decision and creates no balances', async () => {
    const { externalUserId } = await createUser(sandbox);
    await setKycDecision(sandbox, externalUserId, 'poa_required');
    await verify(externalUserId);
    const [webhook] = await receiver.waitFor('/webhook/high-risk-kyc/status', externalUserId);
    expect(webhook!.body).toEqual({ externalUserId, status: 'POA_REQUIRED' });
    expect(await balancesOf(externalUserId)).toEqual({ fiatBalances: [], cryptoBalances: [] });
  });

  it('answers P450 when the user is already verified', async () => {
    const { externalUserId } = await createUser(sandbox);
    await verify(externalUserId);
    await eventually(async () => ((await balancesOf(externalUserId)).fiatBalances.length ? true : undefined), 5_000, 'balances');

    const again = await verify(externalUserId);
    expect(again.status).toBe(400);
    expect(await again.json()).toEqual({ errorCode: 'P450', errorName: 'kyc-already-verified', errorMessage: expect.any(String) });
  });

  it('answers P412 for an unknown user and P403 without externalUserId', async () => {
    const unknown = await verify('no-such-user');
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toMatchObject({ errorCode: 'P412' });

    const invalid = await sandbox.p100('/v1/user/verification', json({}));
    expect(invalid.status).toBe(400);
    expect(await invalid.json()).toEqual({ errorCode: 'P403', errorMessage: 'externalUserId should not be empty.' });
  });

  it('rejects an invalid admin decision with the platform error body', async () => {
    const response = await sandbox.admin('/admin/users/someone/kyc-decision', { ...json({ decision: 'maybe' }), method: 'PUT' });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
  });
});
