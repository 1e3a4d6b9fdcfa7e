import { dropSchema, uniqueSchema, withSchema } from './support/test-database';
import { json, startTestSandbox, type TestSandbox } from './support/test-sandbox';
import { createActiveUser, credit, exactJson, settled, userBalance } from './money-fixtures';

describe('money operations across a restart', () => {
  const schema = uniqueSchema();
  let sandbox: TestSandbox | undefined;
  // Settlement is due 1.5 s after the request (150 s × 0.01): the first instance stops before.
  const env = { P100_SANDBOX_MONEY_PROCESSING_DELAY_MS: '150000' };

  afterAll(async () => {
    await sandbox?.close();
    await dropSchema(schema);
  });

  it('settles an exchange and a transfer queued before the restart', async () => {
    sandbox = await startTestSandbox(schema, env);
    const { externalUserId } = await createActiveUser(sandbox);
    await credit(sandbox, { externalUserId }, 'eur', '50');
    const lock = await exactJson(await sandbox.p100(`/v1/exchange/get-lock/${externalUserId}`));
    const exchange = await sandbox.p100(
      '/v1/exchange',
      json({ sourceExternalUserId: externalUserId, amount: '20', currencyFrom: 'eur', currencyTo: 'usdc', lockId: lock.id }),
    );
    const { exchangeId } = await exchange.json();
    const transfer = await sandbox.p100('/v1/transfer', json({ sourceExternalUserId: externalUserId, amount: '30', currency: 'eur' }));
    const { transferId } = await transfer.json();
    await sandbox.close();
    sandbox = undefined;

    const pending = await withSchema(schema, async (db) => ({
      exchanges: (await db.query(`SELECT status FROM exchanges WHERE id = $1`, [exchangeId])).rows,
      transfers: (await db.query(`SELECT status FROM internal_transfers WHERE id = $1`, [transferId])).rows,
    }));
    expect(pending).toEqual({ exchanges: [{ status: 'PENDING' }], transfers: [{ status: 'PENDING' }] });

    sandbox = await startTestSandbox(schema, env);
    expect((await settled(sandbox, `/v1/exchange/details/${exchangeId}`)).status).toBe('COMPLETED');
    expect((await settled(sandbox, `/v1/transfer/details/${transferId}`)).status).toBe('SUCCESSFUL');
    expect(await userBalance(sandbox, externalUserId, 'eur')).toBe('0.00');
  });
});
