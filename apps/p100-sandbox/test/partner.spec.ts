import { json, TEST_WEBHOOK_TOKEN } from './support/test-sandbox';
import { credit, exactJson } from './money-fixtures';
import { useTestSandbox } from './support/sandbox-fixture';

describe('partner balances and wallets', () => {
  const { sandbox, receiver } = useTestSandbox({ webhooks: true });

  it('lists every currency with the ledger amount, an IBAN for EUR and the staging network config', async () => {
    await credit(sandbox, { partner: true }, 'eth', '1.23456789');
    const response = await sandbox.p100('/v1/partner/balances');
    expect(response.status).toBe(200);
    const body = await exactJson(response);
    expect(body.fiatBalances).toEqual([
      { id: expect.any(String), amount: '0.00', name: 'eur', rate: '1', iban: expect.stringMatching(/^LT\d{18}$/), status: 'ACTIVE' },
    ]);
    expect(body.cryptoBalances.map((b: { name: string; amount: string }) => [b.name, b.amount])).toEqual([
      ['btc', '0.00000000'],
      ['eth', '1.23456789'],
      ['ltc', '0.00000000'],
      ['pol', '0.00000000'],
      ['usdc', '0.000000'],
      ['usdt', '0.000000'],
    ]);
    expect(body.cryptoBalances[1]).toMatchObject({ rate: '2188.45355799', wallet: null, networkConfig: { ethereum: { name: 'sepolia' } } });
    // Stable ids across reads.
    const again = await exactJson(await sandbox.p100('/v1/partner/balances'));
    expect(again.fiatBalances[0].id).toBe(body.fiatBalances[0].id);
  });

  it('creates a wallet asynchronously: webhook, then the address on the balance', async () => {
    const response = await sandbox.p100('/v1/partner/wallet', json({ currency: 'usdc', network: 'polygon' }));
    expect(response.status).toBe(201);
    const created = await response.json();
    expect(created).toEqual({ id: expect.any(String), currency: 'usdc', network: 'polygon', status: 'PENDING' });

    const webhook = (await receiver.whenReceived('/webhook/wallet/status', (b) => b.id === created.id))[0]!;
    expect(webhook.headers.authorization).toBe(TEST_WEBHOOK_TOKEN);
    expect(webhook.body).toEqual({ id: created.id, currency: 'usdc', network: 'polygon', wallet: expect.stringMatching(/^0x[0-9a-f]{40}$/), status: 'CREATED' });
    const balances = await (await sandbox.p100('/v1/partner/balances')).json();
    expect(balances.cryptoBalances.find((b: { name: string }) => b.name === 'usdc').wallet).toBe(webhook.body.wallet);
  });

  it('defaults the network and validates currency and network with P403', async () => {
    const defaulted = await (await sandbox.p100('/v1/partner/wallet', json({ currency: 'btc' }))).json();
    expect(defaulted).toMatchObject({ currency: 'btc', network: 'btc' });
    const badNetwork = await sandbox.p100('/v1/partner/wallet', json({ currency: 'usdc', network: 'solana' }));
    expect(await badNetwork.json()).toEqual({ errorCode: 'P403', errorMessage: 'network must be one of the following values: ethereum, polygon.' });
    const badCurrency = await sandbox.p100('/v1/partner/wallet', json({ currency: 'eur' }));
    expect((await badCurrency.json()).errorMessage).toMatch(/^currency must be one of the following values: btc, eth/);
  });
});
