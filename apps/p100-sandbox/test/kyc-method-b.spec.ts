import { withSchema } from './support/test-database';
import { createUser, json } from './support/test-sandbox';
import { useTestSandbox } from './support/sandbox-fixture';
import { setKycDecision } from './support/sandbox-admin';

const KYC_VERIFICATION_STATUS = '/webhook/kyc-verification/status';

describe('KYC Method B: hosted verification', () => {
  const { sandbox, receiver, schema } = useTestSandbox({
    webhooks: true,
    env: {
      // 300 ms of review after scaling: long enough to observe the pending state.
      P100_SANDBOX_KYC_DECISION_DELAY_MS: '30000',
      P100_SANDBOX_KYC_FEE_EUR: '1.50',
    },
  });

  const setPartnerEur = (amount: string) =>
    withSchema(schema, (db) =>
      db.query(`INSERT INTO partner_balances (currency, amount) VALUES ('eur', $1::numeric) ON CONFLICT (currency) DO UPDATE SET amount = EXCLUDED.amount`, [amount]),
    );
  const partnerEur = () =>
    withSchema(schema, async (db) => (await db.query(`SELECT amount::text AS amount FROM partner_balances WHERE currency = 'eur'`)).rows[0].amount as string);

  beforeAll(async () => {
    await setPartnerEur('100');
  });

  const sessionBody = (externalUserId: string, overrides: Record<string, unknown> = {}) => ({
    externalUserId,
    documentType: 'ID_CARD',
    country: 'PL',
    incomeSource: 'SALARY',
    openAccountReason: 'INVESTMENTS_OR_CRYPTOCURRENCIES',
    occupation: 'IT',
    additionalInfo: 'Software developer',
    ...overrides,
  });
  const createSession = (externalUserId: string, overrides: Record<string, unknown> = {}) => sandbox.p100('/v1/kyc', json(sessionBody(externalUserId, overrides)));
  const status = async (externalUserId: string) => (await sandbox.p100(`/v1/kyc/status/${externalUserId}`)).json();

  it('runs the hosted flow: session, redirect page without API key, decision webhook, then Add User Verification', async () => {
    const { externalUserId } = await createUser(sandbox);
    const created = await createSession(externalUserId);
    expect(created.status).toBe(201);
    const { verificationId } = await created.json();
    expect(verificationId).toMatch(/^[0-9a-f-]{36}$/);
    expect(await partnerEur()).toBe('98.500000000000000000');
    expect(await status(externalUserId)).toMatchObject({ verificationId, status: 'CREATED' });

    const page = await fetch(`${sandbox.baseUrl}/v1/kyc/verification/${externalUserId}/${verificationId}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await page.text()).toContain('<html');

    const pending = await createSession(externalUserId);
    expect(pending.status).toBe(202);
    expect(await pending.json()).toMatchObject({ errorCode: 'P212' });

    const [webhook] = await receiver.waitFor(KYC_VERIFICATION_STATUS, externalUserId);
    expect(webhook!.body).toEqual({ externalUserId, verificationId, status: 'APPROVED' });
    expect(await status(externalUserId)).toMatchObject({ verificationId, status: 'APPROVED', rejectionReasons: [] });

    expect((await sandbox.p100('/v1/user/verification', json({ externalUserId }))).status).toBe(200);
    await receiver.waitFor('/webhook/user/status', externalUserId);
    expect(await (await createSession(externalUserId)).json()).toMatchObject({ errorCode: 'P450' });
  });

  it('rejects the session when the admin decision is reject', async () => {
    const { externalUserId } = await createUser(sandbox);
    await setKycDecision(sandbox, externalUserId, 'reject');
    const { verificationId } = await (await createSession(externalUserId)).json();
    await fetch(`${sandbox.baseUrl}/v1/kyc/verification/${externalUserId}/${verificationId}`);
    const [webhook] = await receiver.waitFor(KYC_VERIFICATION_STATUS, externalUserId);
    expect(webhook!.body).toEqual({ externalUserId, verificationId, status: 'REJECTED' });
    expect(await status(externalUserId)).toMatchObject({ status: 'REJECTED', rejectionReasons: [expect.any(String)] });
  });

  it('answers P433 when the partner cannot pay the KYC fee, and charges nothing', async () => {
    const { externalUserId } = await createUser(sandbox);
    await setPartnerEur('1.49');
    const response = await createSession(externalUserId);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ errorCode: 'P433', errorName: 'insufficient-funds' });
    expect(await partnerEur()).toBe('1.490000000000000000');
    await setPartnerEur('100');
  });

  it('answers P453 after three sessions, P403 for missing conditional fields, P412 and P445', async () => {
    const { externalUserId } = await createUser(sandbox);
    for (let i = 0; i < 3; i += 1) expect((await createSession(externalUserId)).status).toBe(201);
    expect(await (await createSession(externalUserId)).json()).toMatchObject({ errorCode: 'P453' });

    const invalid = await createSession(externalUserId, { occupation: undefined, incomeSource: 'SALARY' });
    expect(await invalid.json()).toEqual({ errorCode: 'P403', errorMessage: 'occupation should not be empty when incomeSource is SALARY.' });
    expect(await (await createSession('nobody')).json()).toMatchObject({ errorCode: 'P412' });

    const fresh = await createUser(sandbox);
    const notFound = await sandbox.p100(`/v1/kyc/status/${fresh.externalUserId}`);
    expect(notFound.status).toBe(404);
    expect(await notFound.json()).toMatchObject({ errorCode: 'P445' });
    const unknownSession = await fetch(`${sandbox.baseUrl}/v1/kyc/verification/${fresh.externalUserId}/00000000-0000-0000-0000-000000000000`);
    expect(unknownSession.status).toBe(404);
    expect(await (await sandbox.p100('/v1/kyc/status/nobody')).json()).toMatchObject({ errorCode: 'P412' });
  });

  it('answers P459 on KYC status for a user of the non-KYC model', async () => {
    const externalUserId = `non-kyc-${Date.now()}`;
    const created = await sandbox.p100('/v1/user/balances/crypto', json({ externalUserId, email: `${externalUserId}@example.com`, firstName: 'A', lastName: 'B', country: 'PL' }));
    expect(created.status).toBe(201);
    expect(await (await sandbox.p100(`/v1/kyc/status/${externalUserId}`)).json()).toMatchObject({ errorCode: 'P459' });
  });
});
