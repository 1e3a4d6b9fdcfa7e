import { withSchema } from './support/test-database';
import { createUser, json } from './support/test-sandbox';
import { useTestSandbox } from './support/sandbox-fixture';

describe('a sandbox restart', () => {
  // The decision is due 1.5 s after the request (150 s × 0.01): long enough to stop the first
  // instance before it, short enough for a test.
  const { sandbox, receiver, schema, start, stop } = useTestSandbox({ webhooks: true, boot: false, env: { P100_SANDBOX_KYC_DECISION_DELAY_MS: '150000' } });

  it('keeps a pending KYC decision across the restart and carries it out afterwards', async () => {
    await start();
    const { externalUserId, userId } = await createUser(sandbox);
    expect((await sandbox.p100('/v1/user/verification', json({ externalUserId }))).status).toBe(200);

    // A retry while the decision is pending does not queue a second one.
    const retry = await sandbox.p100('/v1/user/verification', json({ externalUserId }));
    expect(retry.status).toBe(202);
    expect(await retry.json()).toMatchObject({ errorCode: 'P212' });

    await stop();
    const beforeRestart = await withSchema(schema, async (db) => ({
      user: (await db.query(`SELECT status FROM users WHERE id = $1`, [userId])).rows[0],
      pending: (await db.query(`SELECT count(*)::int AS n FROM kyc_verifications WHERE user_id = $1 AND status = 'pending'`, [userId])).rows[0],
      balances: (await db.query(`SELECT count(*)::int AS n FROM balances WHERE user_id = $1`, [userId])).rows[0],
    }));
    expect(beforeRestart).toEqual({ user: { status: 'KYC_PENDING' }, pending: { n: 1 }, balances: { n: 0 } });

    await start();
    const [webhook] = await receiver.waitFor('/webhook/user/status', externalUserId, 1, 10_000);
    expect(webhook!.body).toEqual({ externalUserId, status: 'ACTIVE' });
    const balances = await (await sandbox.p100(`/v1/user/balances/${externalUserId}`)).json();
    expect(balances.fiatBalances).toHaveLength(1);
    expect(balances.cryptoBalances).toHaveLength(6);
  });
});
