import { DataSource } from 'typeorm';
import { LedgerService } from '../src/ledger/ledger.service';
import { createUser, json } from './support/test-sandbox';
import { createActiveUser, credit, userBalance } from './money-fixtures';
import { useTestSandbox } from './support/sandbox-fixture';

describe('ledger', () => {
  const { sandbox } = useTestSandbox();
  let ledger: LedgerService;
  let dataSource: DataSource;

  beforeAll(() => {
    ledger = sandbox.app.get(LedgerService);
    dataSource = sandbox.app.get(DataSource);
  });

  it('credits exactly, journals every movement and answers the balance', async () => {
    const { externalUserId } = await createActiveUser(sandbox);
    expect((await credit(sandbox, { externalUserId }, 'btc', '0.00000001')).balance).toBe('0.00000001');
    expect((await credit(sandbox, { externalUserId }, 'btc', '12345678.12345678')).balance).toBe('12345678.12345679');
    expect(await userBalance(sandbox, externalUserId, 'btc')).toBe('12345678.12345679');

    const journal = await (await sandbox.admin(`/admin/ledger/journal?externalUserId=${externalUserId}`)).json();
    expect(journal.entries).toEqual([
      expect.objectContaining({ owner: 'user', externalUserId, currency: 'btc', direction: 'credit', amount: '0.00000001', balanceAfter: '0.00000001' }),
      expect.objectContaining({ direction: 'credit', amount: '12345678.12345678', balanceAfter: '12345678.12345679', reference: { type: 'admin-credit', id: expect.any(String) } }),
    ]);
  });

  it('never overdraws under concurrent debits (one conditional UPDATE per debit)', async () => {
    const { userId, externalUserId } = await createActiveUser(sandbox);
    await credit(sandbox, { externalUserId }, 'eur', '5');
    const owner = { kind: 'user' as const, userId };
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        dataSource.transaction((tx) => ledger.tryDebit(tx, { owner, currency: 'eur', amount: '1', reference: { type: 'test', id: String(i) } })),
      ),
    );
    expect(results.filter(Boolean)).toHaveLength(5);
    expect(await ledger.balance(dataSource, owner, 'eur')).toBe('0');
    const journal = await (await sandbox.admin(`/admin/ledger/journal?externalUserId=${externalUserId}&referenceType=test`)).json();
    expect(journal.entries).toHaveLength(5);
  });

  it('refuses a debit beyond the balance without changing anything', async () => {
    await credit(sandbox, { partner: true }, 'usdt', '2.5');
    const owner = { kind: 'partner' as const };
    const before = await ledger.balance(dataSource, owner, 'usdt');
    expect(await ledger.tryDebit(dataSource, { owner, currency: 'usdt', amount: '1000000', reference: { type: 'test', id: 'x' } })).toBe(false);
    expect(await ledger.balance(dataSource, owner, 'usdt')).toBe(before);
  });

  it('rejects amounts that are not positive or have more decimals than the currency', async () => {
    const owner = { kind: 'partner' as const };
    await expect(ledger.credit(dataSource, { owner, currency: 'eur', amount: '0.001', reference: { type: 't', id: '1' } })).rejects.toThrow(/at most 2 decimals/);
    await expect(ledger.credit(dataSource, { owner, currency: 'eur', amount: '0', reference: { type: 't', id: '1' } })).rejects.toThrow(/positive/);
    await expect(ledger.credit(dataSource, { owner, currency: 'xyz', amount: '1', reference: { type: 't', id: '1' } })).rejects.toThrow(/Unknown currency/);
  });

  it('admin credit: validation, unknown user, user without approved KYC', async () => {
    const invalid = await sandbox.admin('/admin/ledger/credit', json({ partner: true, currency: 'eur', amount: 5 }));
    expect(invalid.status).toBe(400);
    const both = await sandbox.admin('/admin/ledger/credit', json({ partner: true, externalUserId: 'x', currency: 'eur', amount: '5' }));
    expect(both.status).toBe(400);
    const unknown = await sandbox.admin('/admin/ledger/credit', json({ externalUserId: 'ghost', currency: 'eur', amount: '5' }));
    expect(unknown.status).toBe(404);
    const { externalUserId } = await createUser(sandbox);
    const pending = await sandbox.admin('/admin/ledger/credit', json({ externalUserId, currency: 'eur', amount: '5' }));
    expect(pending.status).toBe(409);
  });

  it('lists partner movements in the journal', async () => {
    await credit(sandbox, { partner: true }, 'pol', '7.77');
    const journal = await (await sandbox.admin('/admin/ledger/journal?partner=true&currency=pol')).json();
    expect(journal.entries).toEqual([expect.objectContaining({ owner: 'partner', externalUserId: null, amount: '7.77', balanceAfter: '7.77' })]);
  });
});
