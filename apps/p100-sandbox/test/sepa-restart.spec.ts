import { withSchema } from './support/test-database';
import { json } from './support/test-sandbox';
import { eventually } from './support/webhook-receiver';
import { createActiveUser, credit, exactJson, userBalance } from './money-fixtures';
import { useTestSandbox } from './support/sandbox-fixture';

const SENDER_IBAN = 'PL61109010140000071219812874';

describe('SEPA and crypto movements across a sandbox restart', () => {
  // Each processing step is due 1.5 s after it is queued (150 s × 0.01): long enough to stop the
  // first instance before it, short enough for a test.
  const { sandbox, receiver, schema, start, stop } = useTestSandbox({ webhooks: true, boot: false, env: { P100_SANDBOX_MONEY_PROCESSING_DELAY_MS: '150000' } });

  it('finishes a deposit check and a withdrawal queued before the restart, once, after it', async () => {
    await start();
    const user = await createActiveUser(sandbox);
    await credit(sandbox, { externalUserId: user.externalUserId }, 'eth', '1');
    const deposit = await sandbox.admin(
      '/admin/sepa/deposits',
      json({ externalUserId: user.externalUserId, amount: '40.00', senderName: 'Jan Kowalski', senderIban: SENDER_IBAN }),
    );
    expect(deposit.status).toBe(201);
    const { withdrawalId } = await (
      await sandbox.p100(
        '/v1/crypto-withdrawal',
        json({
          sourceExternalUserId: user.externalUserId,
          currency: 'eth',
          amount: '0.2',
          walletAddress: '0xE353464eBa01d651c16D8879cbCaE1C80568705C',
          name: 'Jan Kowalski',
          walletType: 'NON_CUSTODIAL',
          receiverType: 'NATURAL',
        }),
      )
    ).json();

    await stop();
    const beforeRestart = await withSchema(schema, async (db) => ({
      deposit: (await db.query(`SELECT status FROM sepa_deposits`)).rows,
      withdrawal: (await db.query(`SELECT status FROM crypto_withdrawals WHERE id = $1`, [withdrawalId])).rows,
    }));
    expect(beforeRestart).toEqual({ deposit: [{ status: 'PENDING' }], withdrawal: [{ status: 'PENDING' }] });

    await start();
    const running = sandbox;
    await eventually(
      async () => ((await exactJson(await running.p100(`/v1/crypto-withdrawal/details/${withdrawalId}`))).status === 'SUCCESSFUL' ? true : undefined),
      10_000,
      'the withdrawal to succeed',
    );
    await receiver.waitFor('/webhook/iban/status', user.externalUserId, 2, 10_000);
    expect(await userBalance(sandbox, user.externalUserId, 'eur')).toBe('40.00');
    // 1 − 0.2 − 0.003 service fee − 0.000469 network fee, debited once.
    expect(await userBalance(sandbox, user.externalUserId, 'eth')).toBe('0.79653100');
    const webhooks = await eventually(async () => {
      const found = receiver.received.filter((w) => w.body.id === withdrawalId);
      return found.length >= 2 ? found : undefined;
    }, 5_000, 'the withdrawal webhooks');
    expect(webhooks.map((w) => w.body.status)).toEqual(['PROCESSING', 'SUCCESSFUL']);
  });
});
