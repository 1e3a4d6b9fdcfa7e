import { withSchema } from './support/test-database';
import { json } from './support/test-sandbox';
import { createActiveUser, credit, exactJson, settled, userBalance } from './money-fixtures';
import { useTestSandbox } from './support/sandbox-fixture';

describe('money operations across a restart', () => {
  // Settlement is due 1.5 s after the request (150 s × 0.01): the first instance stops before.
  const { sandbox, schema, start, stop } = useTestSandbox({ boot: false, env: { P100_SANDBOX_MONEY_PROCESSING_DELAY_MS: '150000' } });

  it('settles an exchange and a transfer queued before the restart', async () => {
    await start();
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
    await stop();

    const pending = await withSchema(schema, async (db) => ({
      exchanges: (await db.query(`SELECT status FROM exchanges WHERE id = $1`, [exchangeId])).rows,
      transfers: (await db.query(`SELECT status FROM internal_transfers WHERE id = $1`, [transferId])).rows,
    }));
    expect(pending).toEqual({ exchanges: [{ status: 'PENDING' }], transfers: [{ status: 'PENDING' }] });

    await start();
    expect((await settled(sandbox, `/v1/exchange/details/${exchangeId}`)).status).toBe('COMPLETED');
    expect((await settled(sandbox, `/v1/transfer/details/${transferId}`)).status).toBe('SUCCESSFUL');
    expect(await userBalance(sandbox, externalUserId, 'eur')).toBe('0.00');
  });
});
