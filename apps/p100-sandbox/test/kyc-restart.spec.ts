import { withSchema } from './support/test-database';
import { createUser, json } from './support/test-sandbox';
import { useTestSandbox } from './support/sandbox-fixture';
import { setKycDecision } from './support/sandbox-admin';

describe('KYC reviews across a sandbox restart', () => {
  // Reviews are due 1.5 s after the request (150 s × 0.01): time to stop the first instance.
  const { sandbox, receiver, schema, start, stop } = useTestSandbox({ webhooks: true, boot: false, env: { P100_SANDBOX_KYC_DECISION_DELAY_MS: '150000' } });

  it('keeps a pending proof-of-address review and a pending hosted session, and decides both after the restart', async () => {
    await start();
    const highRisk = await createUser(sandbox);
    await setKycDecision(sandbox, highRisk.externalUserId, 'poa_required');
    await sandbox.p100('/v1/user/verification', json({ externalUserId: highRisk.externalUserId }));
    await receiver.waitFor('/webhook/high-risk-kyc/status', highRisk.externalUserId, 1, 10_000);
    await setKycDecision(sandbox, highRisk.externalUserId, 'approve');
    const form = new FormData();
    form.append('files', new Blob([new Uint8Array(100).fill(1)], { type: 'application/pdf' }), 'bill.pdf');
    expect((await sandbox.p100(`/v1/user/poa-files/${highRisk.externalUserId}`, { method: 'POST', body: form })).status).toBe(201);

    const hosted = await createUser(sandbox);
    const session = await sandbox.p100('/v1/kyc', json({ externalUserId: hosted.externalUserId, documentType: 'PASSPORT', country: 'PL', incomeSource: 'OTHER', openAccountReason: 'DAILY_USE', additionalInfo: 'x' }));
    const { verificationId } = await session.json();
    expect((await fetch(`${sandbox.baseUrl}/v1/kyc/verification/${hosted.externalUserId}/${verificationId}`)).status).toBe(200);

    await stop();
    const pending = await withSchema(schema, async (db) => ({
      poa: (await db.query(`SELECT status FROM poa_verifications WHERE user_id = $1`, [highRisk.userId])).rows,
      session: (await db.query(`SELECT status FROM kyc_sessions WHERE id = $1`, [verificationId])).rows,
    }));
    expect(pending).toEqual({ poa: [{ status: 'PENDING' }], session: [{ status: 'PENDING' }] });

    await start();
    const poa = await receiver.waitFor('/webhook/poa-verification/status', highRisk.externalUserId, 2, 10_000);
    expect(poa[1]!.body).toEqual({ externalUserId: highRisk.externalUserId, status: 'APPROVED' });
    await receiver.waitFor('/webhook/user/status', highRisk.externalUserId, 1, 10_000);
    const [decided] = await receiver.waitFor('/webhook/kyc-verification/status', hosted.externalUserId, 1, 10_000);
    expect(decided!.body).toEqual({ externalUserId: hosted.externalUserId, verificationId, status: 'APPROVED' });
  });
});
