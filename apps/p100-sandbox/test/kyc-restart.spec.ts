import { dropSchema, uniqueSchema, withSchema } from './support/test-database';
import { createUser, json, startTestSandbox, TEST_WEBHOOK_TOKEN, type TestSandbox } from './support/test-sandbox';
import { WebhookReceiver } from './support/webhook-receiver';

describe('KYC reviews across a sandbox restart', () => {
  const schema = uniqueSchema();
  let receiver: WebhookReceiver;
  let sandbox: TestSandbox | undefined;
  // Reviews are due 1.5 s after the request (150 s × 0.01): time to stop the first instance.
  const env = () => ({
    P100_SANDBOX_WEBHOOK_URL: receiver.url,
    P100_SANDBOX_WEBHOOK_TOKEN: TEST_WEBHOOK_TOKEN,
    P100_SANDBOX_KYC_DECISION_DELAY_MS: '150000',
  });

  beforeAll(async () => {
    receiver = await WebhookReceiver.start();
  });

  afterAll(async () => {
    await sandbox?.close();
    await receiver?.close();
    await dropSchema(schema);
  });

  it('keeps a pending proof-of-address review and a pending hosted session, and decides both after the restart', async () => {
    sandbox = await startTestSandbox(schema, env());
    const highRisk = await createUser(sandbox);
    await sandbox.admin(`/admin/users/${highRisk.externalUserId}/kyc-decision`, { ...json({ decision: 'poa_required' }), method: 'PUT' });
    await sandbox.p100('/v1/user/verification', json({ externalUserId: highRisk.externalUserId }));
    await receiver.waitFor('/webhook/high-risk-kyc/status', highRisk.externalUserId, 1, 10_000);
    await sandbox.admin(`/admin/users/${highRisk.externalUserId}/kyc-decision`, { ...json({ decision: 'approve' }), method: 'PUT' });
    const form = new FormData();
    form.append('files', new Blob([new Uint8Array(100).fill(1)], { type: 'application/pdf' }), 'bill.pdf');
    expect((await sandbox.p100(`/v1/user/poa-files/${highRisk.externalUserId}`, { method: 'POST', body: form })).status).toBe(201);

    const hosted = await createUser(sandbox);
    const session = await sandbox.p100('/v1/kyc', json({ externalUserId: hosted.externalUserId, documentType: 'PASSPORT', country: 'PL', incomeSource: 'OTHER', openAccountReason: 'DAILY_USE', additionalInfo: 'x' }));
    const { verificationId } = await session.json();
    expect((await fetch(`${sandbox.baseUrl}/v1/kyc/verification/${hosted.externalUserId}/${verificationId}`)).status).toBe(200);

    await sandbox.close();
    sandbox = undefined;
    const pending = await withSchema(schema, async (db) => ({
      poa: (await db.query(`SELECT status FROM poa_verifications WHERE user_id = $1`, [highRisk.userId])).rows,
      session: (await db.query(`SELECT status FROM kyc_sessions WHERE id = $1`, [verificationId])).rows,
    }));
    expect(pending).toEqual({ poa: [{ status: 'PENDING' }], session: [{ status: 'PENDING' }] });

    sandbox = await startTestSandbox(schema, env());
    const poa = await receiver.waitFor('/webhook/poa-verification/status', highRisk.externalUserId, 2, 10_000);
    expect(poa[1]!.body).toEqual({ externalUserId: highRisk.externalUserId, status: 'APPROVED' });
    await receiver.waitFor('/webhook/user/status', highRisk.externalUserId, 1, 10_000);
    const [decided] = await receiver.waitFor('/webhook/kyc-verification/status', hosted.externalUserId, 1, 10_000);
    expect(decided!.body).toEqual({ externalUserId: hosted.externalUserId, verificationId, status: 'APPROVED' });
  });
});
