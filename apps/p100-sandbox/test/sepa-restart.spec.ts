import { dropSchema, uniqueSchema, withSchema } from './support/test-database';
import { json, startTestSandbox, TEST_WEBHOOK_TOKEN, type TestSandbox } from './support/test-sandbox';
import { eventually, WebhookReceiver } from './support/webhook-receiver';
import { createActiveUser, credit, exactJson, userBalance } from './money-fixtures';

const SENDER_IBAN = 'PL61109010140000071219812874';

describe('SEPA and crypto movements across a sandbox restart', () => {
  const schema = uniqueSchema();
  let receiver: WebhookReceiver;
  let sandbox: TestSandbox | undefined;
  // Each processing step is due 1.5 s after it is queued (150 s × 0.01): long enough to stop the
  // first instance before it, short enough for a test.
  const env = () => ({
    P100_SANDBOX_WEBHOOK_URL: receiver.url,
    P100_SANDBOX_WEBHOOK_TOKEN: TEST_WEBHOOK_TOKEN,
    P100_SANDBOX_MONEY_PROCESSING_DELAY_MS: '150000',
  });

  beforeAll(async () => {
    receiver = await WebhookReceiver.start();
  });

  afterAll(async () => {
    await sandbox?.close();
    await receiver?.close();
    await dropSchema(schema);
  });

  it('finishes a deposit check and a withdrawal queued before the restart, once, after it', async () => {
    sandbox = await startTestSandbox(schema, env());
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

    await sandbox.close();
    sandbox = undefined;
    const beforeRestart = await withSchema(schema, async (db) => ({
      deposit: (await db.query(`SELECT status FROM sepa_deposits`)).rows,
      withdrawal: (await db.query(`SELECT status FROM crypto_withdrawals WHERE id = $1`, [withdrawalId])).rows,
    }));
    expect(beforeRestart).toEqual({ deposit: [{ status: 'PENDING' }], withdrawal: [{ status: 'PENDING' }] });

    sandbox = await startTestSandbox(schema, env());
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
