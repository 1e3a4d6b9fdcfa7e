import { json } from './support/test-sandbox';
import { eventually } from './support/webhook-receiver';
import { createActiveUser, credit, exactJson, jsonText, partnerBalance, userBalance } from './money-fixtures';
import { useTestSandbox } from './support/sandbox-fixture';

const CRYPTO_WITHDRAWAL = '/crypto-withdrawal-webhook';
const CRYPTO_DEPOSIT = '/webhook/crypto-deposit/status';
const EVM_ADDRESS = '0xE353464eBa01d651c16D8879cbCaE1C80568705C';
const TRAVEL_RULE = { name: 'Anna Nowak', walletType: 'CUSTODIAL', senderType: 'NATURAL' };

describe('crypto: network fee, withdrawals, deposits and the Travel Rule', () => {
  const { sandbox, receiver } = useTestSandbox({ webhooks: true });

  const withdrawalStatus = (withdrawalId: string, status: string) =>
    eventually(async () => {
      const details = await exactJson(await sandbox.p100(`/v1/crypto-withdrawal/details/${withdrawalId}`));
      return details.status === status ? details : undefined;
    }, 5_000, `withdrawal ${status}`);

  const triggerDeposit = async (body: Record<string, unknown>) => {
    const response = await sandbox.admin('/admin/crypto/deposits', json(body));
    expect(response.status).toBe(201);
    return ((await response.json()) as { cryptoDepositId: string }).cryptoDepositId;
  };

  const depositStatuses = async (cryptoDepositId: string, count: number) =>
    (await receiver.whenReceived(CRYPTO_DEPOSIT, (b) => b.cryptoDepositId === cryptoDepositId, count)).map((w) => w.body.status);

  it('answers the network fee as an exact JSON number, per currency and network', async () => {
    const eth = await sandbox.p100('/v1/crypto-withdrawal/get-network-fee?currency=eth');
    expect(eth.status).toBe(200);
    expect(await eth.text()).toBe('{"networkFee":0.000469}');
    expect(await exactJson(await sandbox.p100('/v1/crypto-withdrawal/get-network-fee?currency=USDC&network=polygon'))).toEqual({ networkFee: '0.02' });
  });

  it('answers P410 for an unknown currency and P403 for a network sent with a single-network coin', async () => {
    const unknown = await sandbox.p100('/v1/crypto-withdrawal/get-network-fee?currency=xyz');
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toEqual({ errorCode: 'P410', errorName: 'invalid-currency', errorMessage: 'Currency not found' });
    const misplaced = await (await sandbox.p100('/v1/crypto-withdrawal/get-network-fee?currency=btc&network=polygon')).json();
    expect(misplaced).toEqual({ errorCode: 'P403', errorMessage: 'network must not be sent for this currency.' });
  });

  it('withdraws for a user: amount + service fee + network fee debited exactly, PROCESSING then SUCCESSFUL', async () => {
    const user = await createActiveUser(sandbox);
    await credit(sandbox, { externalUserId: user.externalUserId }, 'eth', '1');
    const response = await sandbox.p100(
      '/v1/crypto-withdrawal',
      jsonText(
        `{"sourceExternalUserId":"${user.externalUserId}","currency":"ETH","amount":0.5,"walletAddress":"${EVM_ADDRESS}",` +
          `"network":"ETHEREUM","name":"Jan Kowalski","walletType":"NON_CUSTODIAL","receiverType":"NATURAL"}`,
      ),
    );
    expect(response.status).toBe(200);
    const { withdrawalId } = await response.json();

    const done = await withdrawalStatus(withdrawalId, 'SUCCESSFUL');
    expect(done).toMatchObject({
      externalUserId: user.externalUserId,
      currency: 'eth',
      network: 'ethereum',
      amount: '0.5',
      serviceFee: '0.003',
      networkFee: '0.000469',
      fee: '0.003469',
      walletAddress: EVM_ADDRESS,
      transactionHash: expect.stringMatching(/^0x[0-9a-f]{64}$/),
      error: null,
    });
    // 1 − 0.5 − 0.003 − 0.000469
    expect(await userBalance(sandbox, user.externalUserId, 'eth')).toBe('0.49653100');
    const sent = await receiver.whenReceived(CRYPTO_WITHDRAWAL, (b) => b.id === withdrawalId, 2);
    expect(sent.map((w) => w.body.status)).toEqual(['PROCESSING', 'SUCCESSFUL']);
    expect(sent[1]!.body).toMatchObject({ destination: EVM_ADDRESS, currency: 'eth', transactionHash: done.transactionHash });
  });

  it('fails a withdrawal during processing when the fees push it beyond the balance', async () => {
    const user = await createActiveUser(sandbox);
    await credit(sandbox, { externalUserId: user.externalUserId }, 'eth', '0.5');
    const { withdrawalId } = await (
      await sandbox.p100(
        '/v1/crypto-withdrawal',
        json({ sourceExternalUserId: user.externalUserId, currency: 'eth', amount: '0.5', walletAddress: EVM_ADDRESS, name: 'J K', walletType: 'OTHER', receiverType: 'NATURAL' }),
      )
    ).json();
    const failed = await withdrawalStatus(withdrawalId, 'FAILED');
    expect(failed.error).toEqual({ description: 'Insufficient funds', status: 'insufficient-funds' });
    const [webhook] = await receiver.whenReceived(CRYPTO_WITHDRAWAL, (b) => b.id === withdrawalId && b.status === 'FAILED');
    expect(webhook!.body.error).toEqual({ description: 'Insufficient funds', status: 'insufficient-funds' });
    expect(await userBalance(sandbox, user.externalUserId, 'eth')).toBe('0.50000000');
  });

  it('withdraws from the partner balance over Polygon with the Polygon fees', async () => {
    await credit(sandbox, { partner: true }, 'usdc', '100');
    const before = await partnerBalance(sandbox, 'usdc');
    const { withdrawalId } = await (
      await sandbox.p100(
        '/v1/partner/crypto-withdrawal',
        json({ currency: 'usdc', amount: '50', network: 'polygon', walletAddress: EVM_ADDRESS, name: 'Acme', walletType: 'CUSTODIAL', receiverType: 'LEGAL' }),
      )
    ).json();
    const done = await withdrawalStatus(withdrawalId, 'SUCCESSFUL');
    expect(done).toMatchObject({ externalUserId: null, fee: '0.52' });
    expect(before).toBe('100.000000');
    expect(await partnerBalance(sandbox, 'usdc')).toBe('49.480000');
  });

  it('validates a withdrawal in one P403: minimum, decimals, address format, enums; P412 for an unknown user', async () => {
    const body = await (
      await sandbox.p100(
        '/v1/crypto-withdrawal',
        json({ sourceExternalUserId: 'x', currency: 'eth', amount: '0.0001', walletAddress: 'tb1qnotanevmaddress', name: 'J', walletType: 'HOT', receiverType: 'NATURAL' }),
      )
    ).json();
    expect(body.errorCode).toBe('P403');
    expect(body.errorMessage).toContain('walletType must be one of the following values: CUSTODIAL, NON_CUSTODIAL, OTHER');

    const rules = await (
      await sandbox.p100(
        '/v1/crypto-withdrawal',
        json({ sourceExternalUserId: 'x', currency: 'eth', amount: '0.0001', walletAddress: 'tb1qnotanevmaddress', name: 'J', walletType: 'OTHER', receiverType: 'NATURAL' }),
      )
    ).json();
    expect(rules).toEqual({ errorCode: 'P403', errorMessage: 'amount must not be less than 0.0006. walletAddress must be a valid eth ethereum address.' });

    const network = await (
      await sandbox.p100(
        '/v1/partner/crypto-withdrawal',
        json({ currency: 'usdc', amount: '2.1234567', network: 'solana', walletAddress: EVM_ADDRESS, name: 'J', walletType: 'OTHER', receiverType: 'NATURAL' }),
      )
    ).json();
    expect(network.errorMessage).toBe('network must be one of the following values: ethereum, polygon.');
    const precision = await (
      await sandbox.p100(
        '/v1/partner/crypto-withdrawal',
        json({ currency: 'usdc', amount: '2.1234567', network: 'polygon', walletAddress: EVM_ADDRESS, name: 'J', walletType: 'OTHER', receiverType: 'NATURAL' }),
      )
    ).json();
    expect(precision).toEqual({ errorCode: 'P403', errorMessage: 'amount can have at most 6 decimal places for usdc.' });

    const unknownUser = await sandbox.p100(
      '/v1/crypto-withdrawal',
      json({ sourceExternalUserId: 'nobody', currency: 'eth', amount: '0.1', walletAddress: EVM_ADDRESS, name: 'J', walletType: 'OTHER', receiverType: 'NATURAL' }),
    );
    expect((await unknownUser.json()).errorCode).toBe('P412');
  });

  it('credits a deposit below the Travel Rule threshold: WAITING_FOR_VERIFICATION then SUCCESSFUL', async () => {
    const user = await createActiveUser(sandbox);
    // 0.1 eth ≈ 219 EUR at the default rate.
    const id = await triggerDeposit({ externalUserId: user.externalUserId, currency: 'eth', amount: '0.1' });
    expect(await depositStatuses(id, 2)).toEqual(['WAITING_FOR_VERIFICATION', 'SUCCESSFUL']);
    const [first] = await receiver.whenReceived(CRYPTO_DEPOSIT, (b) => b.cryptoDepositId === id);
    expect(first!.body).toMatchObject({ externalUserId: user.externalUserId, amount: 0.1, currency: 'eth', transactionHash: expect.any(String) });
    expect(await userBalance(sandbox, user.externalUserId, 'eth')).toBe('0.10000000');
  });

  it('holds a deposit above the threshold in WAITING_FOR_TR_DATA until Update Travel Rule releases it', async () => {
    const user = await createActiveUser(sandbox);
    // 1 eth ≈ 2188 EUR > 1000 EUR.
    const id = await triggerDeposit({ externalUserId: user.externalUserId, currency: 'eth', amount: '1' });
    expect(await depositStatuses(id, 2)).toEqual(['WAITING_FOR_VERIFICATION', 'WAITING_FOR_TR_DATA']);
    expect(await userBalance(sandbox, user.externalUserId, 'eth')).toBe('0.00000000');

    // The partner path does not release a user's deposit.
    const wrongOwner = await sandbox.p100('/v1/partner/crypto-deposit/travel-rule', { ...json({ cryptoDepositId: id, ...TRAVEL_RULE }), method: 'PATCH' });
    expect((await wrongOwner.json()).errorCode).toBe('P403');

    const released = await sandbox.p100('/v1/crypto-deposit/travel-rule', { ...json({ cryptoDepositId: id, ...TRAVEL_RULE }), method: 'PATCH' });
    expect(released.status).toBe(200);
    expect(await depositStatuses(id, 4)).toEqual(['WAITING_FOR_VERIFICATION', 'WAITING_FOR_TR_DATA', 'WAITING_FOR_VERIFICATION', 'SUCCESSFUL']);
    expect(await userBalance(sandbox, user.externalUserId, 'eth')).toBe('1.00000000');

    const again = await sandbox.p100('/v1/crypto-deposit/travel-rule', { ...json({ cryptoDepositId: id, ...TRAVEL_RULE }), method: 'PATCH' });
    expect(await again.json()).toEqual({ errorCode: 'P403', errorMessage: 'cryptoDepositId must be the id of a deposit waiting for Travel Rule data.' });
  });

  it('ends a deposit the compliance check rejects as UNSUCCESSFUL, without credit; partner deposits credit the partner', async () => {
    const user = await createActiveUser(sandbox);
    const rejected = await triggerDeposit({ externalUserId: user.externalUserId, currency: 'usdc', amount: '20', outcome: 'unsuccessful' });
    expect(await depositStatuses(rejected, 2)).toEqual(['WAITING_FOR_VERIFICATION', 'UNSUCCESSFUL']);
    expect(await userBalance(sandbox, user.externalUserId, 'usdc')).toBe('0.000000');

    const before = await partnerBalance(sandbox, 'ltc');
    const partnerDeposit = await triggerDeposit({ currency: 'ltc', amount: '0.25' });
    expect(await depositStatuses(partnerDeposit, 2)).toEqual(['WAITING_FOR_VERIFICATION', 'SUCCESSFUL']);
    const [webhook] = await receiver.whenReceived(CRYPTO_DEPOSIT, (b) => b.cryptoDepositId === partnerDeposit);
    expect(webhook!.body.externalUserId).toBeUndefined();
    expect(before).toBe('0.00000000');
    expect(await partnerBalance(sandbox, 'ltc')).toBe('0.25000000');
  });
});
