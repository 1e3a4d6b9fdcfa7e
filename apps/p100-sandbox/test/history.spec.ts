import { json } from './support/test-sandbox';
import { createActiveUser, credit, settled } from './money-fixtures';
import { useTestSandbox } from './support/sandbox-fixture';

describe('transaction history', () => {
  const { sandbox } = useTestSandbox();
  const now = new Date();
  const month = now.getUTCMonth() + 1;
  const year = now.getUTCFullYear();

  it("lists a user's movements of the month, from the ledger journal", async () => {
    const { externalUserId } = await createActiveUser(sandbox);
    await credit(sandbox, { externalUserId }, 'eur', '30');
    const response = await sandbox.p100('/v1/transfer', json({ sourceExternalUserId: externalUserId, amount: '12.34', currency: 'eur' }));
    const { transferId } = await response.json();
    await settled(sandbox, `/v1/transfer/details/${transferId}`);

    const history = await (await sandbox.p100(`/v1/user/transaction-history/${externalUserId}?month=${month}&year=${year}`)).json();
    expect(history.transactions).toEqual([
      expect.objectContaining({ type: 'admin-credit', direction: 'credit', amount: '30', currency: 'eur', status: 'SUCCESSFUL' }),
      expect.objectContaining({ type: 'transfer', referenceId: transferId, direction: 'debit', amount: '12.34', currency: 'eur' }),
    ]);
    const partner = await (await sandbox.p100(`/v1/partner/transaction-history?month=${month}&year=${year}`)).json();
    expect(partner.transactions).toEqual(
      expect.arrayContaining([expect.objectContaining({ type: 'transfer', referenceId: transferId, direction: 'credit', amount: '12.34' })]),
    );
  });

  it('is empty for another month', async () => {
    const { externalUserId } = await createActiveUser(sandbox);
    await credit(sandbox, { externalUserId }, 'eur', '1');
    const other = month === 1 ? 2 : month - 1;
    const history = await (await sandbox.p100(`/v1/user/transaction-history/${externalUserId}?month=${other}&year=${year}`)).json();
    expect(history).toEqual({ transactions: [] });
  });

  it('answers P403 for a bad month or year and P412 for an unknown user', async () => {
    const bad = await sandbox.p100('/v1/partner/transaction-history?month=13&year=20x5');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ errorCode: 'P403', errorMessage: 'month must be an integer from 1 to 12. year must be a four-digit year.' });
    const missing = await sandbox.p100('/v1/partner/transaction-history');
    expect((await missing.json()).errorCode).toBe('P403');
    const unknown = await sandbox.p100(`/v1/user/transaction-history/ghost?month=${month}&year=${year}`);
    expect((await unknown.json()).errorCode).toBe('P412');
  });
});
