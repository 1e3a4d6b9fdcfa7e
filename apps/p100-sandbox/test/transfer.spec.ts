import { withSchema } from './support/test-database';
import { createUser, json, TEST_WEBHOOK_TOKEN } from './support/test-sandbox';
import { createActiveUser, credit, exactJson, jsonText, partnerBalance, settled, userBalance } from './money-fixtures';
import { useTestSandbox } from './support/sandbox-fixture';

const TRANSFER_WEBHOOK = '/transfer-webhook';

describe('internal transfers', () => {
  const { sandbox, receiver, schema } = useTestSandbox({ webhooks: true });

  const transfer = (body: Record<string, unknown>) => sandbox.p100('/v1/transfer', json(body));
  const webhookFor = async (transferId: string) => (await receiver.whenReceived(TRANSFER_WEBHOOK, (b) => b.id === transferId))[0]!;

  it('funds a user from the partner balance, exactly, with the webhook and details', async () => {
    const { externalUserId } = await createActiveUser(sandbox);
    await credit(sandbox, { partner: true }, 'btc', '1');
    const response = await sandbox.p100(
      '/v1/transfer',
      jsonText(`{"destinationExternalUserId":"${externalUserId}","amount":0.12345678,"currency":"btc"}`),
    );
    expect(response.status).toBe(201);
    const { transferId } = await response.json();

    const details = await settled(sandbox, `/v1/transfer/details/${transferId}`);
    expect(details).toEqual({
      id: transferId,
      sourceExternalUserId: null,
      destinationExternalUserId: externalUserId,
      amount: '0.12345678',
      currency: 'btc',
      status: 'SUCCESSFUL',
      createdAt: expect.any(String),
      error: null,
    });
    expect(await userBalance(sandbox, externalUserId, 'btc')).toBe('0.12345678');
    expect(await partnerBalance(sandbox, 'btc')).toBe('0.87654322');
    const webhook = await webhookFor(transferId);
    expect(webhook.headers.authorization).toBe(TEST_WEBHOOK_TOKEN);
    expect(webhook.body).toMatchObject({ id: transferId, destinationExternalUserId: externalUserId, amount: 0.12345678, status: 'SUCCESSFUL' });
  });

  it('collects from a user into the partner balance (amount as a decimal string)', async () => {
    const { externalUserId } = await createActiveUser(sandbox);
    await credit(sandbox, { externalUserId }, 'eur', '25.5');
    const before = await partnerBalance(sandbox, 'eur');
    const response = await transfer({ sourceExternalUserId: externalUserId, amount: '20.25', currency: 'eur' });
    expect(response.status).toBe(201);
    const { transferId } = await response.json();
    expect((await settled(sandbox, `/v1/transfer/details/${transferId}`)).status).toBe('SUCCESSFUL');
    expect(await userBalance(sandbox, externalUserId, 'eur')).toBe('5.25');
    expect(await partnerBalance(sandbox, 'eur')).not.toBe(before);
  });

  it('fails at processing, not at request time, when the source lacks funds', async () => {
    const { externalUserId } = await createActiveUser(sandbox);
    await credit(sandbox, { externalUserId }, 'usdc', '1.000001');
    const response = await transfer({ sourceExternalUserId: externalUserId, amount: '1.000002', currency: 'usdc' });
    expect(response.status).toBe(201);
    const { transferId } = await response.json();
    const details = await settled(sandbox, `/v1/transfer/details/${transferId}`);
    expect(details).toMatchObject({ status: 'FAILED', error: { description: 'Insufficient funds', status: 'insufficient-funds' } });
    expect(await userBalance(sandbox, externalUserId, 'usdc')).toBe('1.000001');
    const webhook = await webhookFor(transferId);
    expect(webhook.body).toMatchObject({ status: 'FAILED', error: { description: 'Insufficient funds' } });
  });

  it('answers P424 when neither or both of source and destination are given', async () => {
    const { externalUserId } = await createActiveUser(sandbox);
    const p424 = { errorCode: 'P424', errorName: 'source-or-destination-required', errorMessage: 'Source or destination must be provided' };
    const neither = await transfer({ amount: '1', currency: 'eur' });
    expect(neither.status).toBe(400);
    expect(await neither.json()).toEqual(p424);
    const both = await transfer({ sourceExternalUserId: externalUserId, destinationExternalUserId: externalUserId, amount: '1', currency: 'eur' });
    expect(await both.json()).toEqual(p424);
  });

  it('validates amount, currency and decimals with P403, and users with P412 / P459', async () => {
    const { externalUserId } = await createActiveUser(sandbox);
    const bad = await transfer({ destinationExternalUserId: externalUserId, amount: '1.001', currency: 'eur' });
    expect(await bad.json()).toEqual({ errorCode: 'P403', errorMessage: 'amount can have at most 2 decimal places for eur.' });
    const badCurrency = await transfer({ destinationExternalUserId: externalUserId, amount: '1', currency: 'xyz' });
    expect((await badCurrency.json()).errorMessage).toMatch(/^currency must be one of the following values/);
    const unknown = await transfer({ destinationExternalUserId: 'ghost', amount: '1', currency: 'eur' });
    expect((await unknown.json()).errorCode).toBe('P412');
    const pending = await createUser(sandbox);
    const unverified = await transfer({ destinationExternalUserId: pending.externalUserId, amount: '1', currency: 'eur' });
    expect((await unverified.json()).errorCode).toBe('P459');
  });

  it('answers P455 for a suspended user', async () => {
    const { externalUserId, userId } = await createActiveUser(sandbox);
    await withSchema(schema, (db) => db.query(`UPDATE users SET suspended_at = now() WHERE id = $1`, [userId]));
    const response = await transfer({ destinationExternalUserId: externalUserId, amount: '1', currency: 'eur' });
    expect(await response.json()).toMatchObject({ errorCode: 'P455', errorName: 'user-suspended' });
  });

  it('tops up the partner master balance (L3)', async () => {
    const before = await partnerBalance(sandbox, 'ltc');
    const response = await sandbox.p100('/v1/partner/transfer', json({ amount: '3.00000001', currency: 'ltc' }));
    expect(response.status).toBe(201);
    const { transferId } = await response.json();
    expect(await settled(sandbox, `/v1/transfer/details/${transferId}`)).toMatchObject({
      sourceExternalUserId: null,
      destinationExternalUserId: null,
      amount: '3.00000001',
      status: 'SUCCESSFUL',
    });
    expect(before).toBe('0.00000000');
    expect(await partnerBalance(sandbox, 'ltc')).toBe('3.00000001');
  });

  it('answers P403 for details of an unknown transfer', async () => {
    const response = await sandbox.p100(`/v1/transfer/details/${crypto.randomUUID()}`);
    expect(response.status).toBe(400);
    expect((await exactJson(response)).errorMessage).toMatch(/does not match any transfer/);
  });
});
