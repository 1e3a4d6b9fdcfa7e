import { isValidIban } from '../src/balances/iban';
import { json, TEST_WEBHOOK_TOKEN } from './support/test-sandbox';
import { createActiveUser, credit, exactJson, jsonText, partnerBalance, settled, userBalance } from './money-fixtures';
import { useTestSandbox } from './support/sandbox-fixture';

const IBAN_STATUS = '/webhook/iban/status';
const SEPA_DEPOSIT = '/webhook/sepa-deposit/status';
const USER_SEPA_TRANSFER = '/webhook/sepa-transfer/status';
const PARTNER_SEPA_TRANSFER = '/webhook/partner-sepa-transfer/status';
/** Checksum-valid IBANs of outside banks (senders / destinations). */
const SENDER_IBAN = 'PL61109010140000071219812874';
const OTHER_IBAN = 'DE89370400440532013000';

describe('SEPA: deposit info, incoming deposits, contact lists and transfers', () => {
  const { sandbox, receiver } = useTestSandbox({ webhooks: true });

  const deposit = async (body: Record<string, unknown>) => {
    const response = await sandbox.admin('/admin/sepa/deposits', json(body));
    expect(response.status).toBe(201);
    return (await response.json()) as { id: string; status: string };
  };

  /** An active user (Jan Kowalski) whose account received an APPROVED deposit from SENDER_IBAN. */
  async function fundedUser(amount: string) {
    const user = await createActiveUser(sandbox);
    await deposit({ externalUserId: user.externalUserId, amount, senderName: 'KOWALSKI Jan', senderIban: SENDER_IBAN });
    await receiver.whenReceived(IBAN_STATUS, (b) => b.externalUserId === user.externalUserId && b.status === 'APPROVED');
    return user;
  }

  it('gives the partner a stable IBAN and reference for SEPA top-ups', async () => {
    const first = await sandbox.p100('/v1/partner/sepa-deposit/info');
    expect(first.status).toBe(200);
    const info = await first.json();
    expect(info).toEqual({
      title: expect.stringMatching(/^[0-9a-f-]{36}$/),
      iban: expect.stringMatching(/^LT\d{18}$/),
      swift: 'BZENLT22',
      accountHolder: 'P100 sp. z o.o.',
      address: 'Połonińska 19',
    });
    expect(isValidIban(info.iban)).toBe(true);
    expect(await (await sandbox.p100('/v1/partner/sepa-deposit/info')).json()).toEqual(info);
  });

  it("gives a user the EUR balance's IBAN, and answers P412 for an unknown user", async () => {
    const user = await createActiveUser(sandbox);
    const info = await (await sandbox.p100(`/v1/sepa-deposit/info/${user.externalUserId}`)).json();
    const balances = await (await sandbox.p100(`/v1/user/balances/${user.externalUserId}`)).json();
    expect(info).toMatchObject({ iban: balances.fiatBalances[0].iban, title: user.userId, accountHolder: 'Jan Kowalski', swift: 'BZENLT22' });

    const unknown = await sandbox.p100('/v1/sepa-deposit/info/nobody');
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toEqual({ errorCode: 'P412', errorName: 'invalid-user', errorMessage: 'User does not exist' });
  });

  it('approves a deposit whose sender is the account holder: PENDING then APPROVED, credit, contact whitelisted', async () => {
    const user = await createActiveUser(sandbox);
    const { id } = await deposit({ externalUserId: user.externalUserId, amount: '250.75', senderName: 'Kowalski  Jan', senderIban: SENDER_IBAN });

    const statuses = await receiver.whenReceived(IBAN_STATUS, (b) => b.externalUserId === user.externalUserId, 2);
    expect(statuses.map((w) => w.body.status)).toEqual(['PENDING', 'APPROVED']);
    expect(statuses[1]!.body).toEqual({
      externalUserId: user.externalUserId,
      iban: SENDER_IBAN,
      amount: '250.75',
      currency: 'eur',
      status: 'APPROVED',
      createdAt: statuses[0]!.body.createdAt,
    });
    const [credited] = await receiver.whenReceived(SEPA_DEPOSIT, (b) => b.id === id);
    expect(credited!.body).toMatchObject({ externalUserId: user.externalUserId, amount: '250.75', senderIban: SENDER_IBAN, title: user.userId });
    expect(credited!.headers.authorization).toBe(TEST_WEBHOOK_TOKEN);

    expect(await userBalance(sandbox, user.externalUserId, 'eur')).toBe('250.75');
    const contacts = await (await sandbox.p100(`/v1/sepa-deposit/contacts/${user.externalUserId}`)).json();
    expect(contacts).toEqual({ contacts: [{ iban: SENDER_IBAN, name: 'Kowalski  Jan', createdAt: expect.any(String) }] });
  });

  it('rejects a deposit from someone else: REJECTED, refunded (no credit), nothing whitelisted', async () => {
    const user = await createActiveUser(sandbox);
    await deposit({ externalUserId: user.externalUserId, amount: '99.99', senderName: 'Anna Nowak', senderIban: OTHER_IBAN });

    const statuses = await receiver.whenReceived(IBAN_STATUS, (b) => b.externalUserId === user.externalUserId, 2);
    expect(statuses.map((w) => w.body.status)).toEqual(['PENDING', 'REJECTED']);
    expect(await userBalance(sandbox, user.externalUserId, 'eur')).toBe('0.00');
    expect(await (await sandbox.p100(`/v1/sepa-deposit/contacts/${user.externalUserId}`)).json()).toEqual({ contacts: [] });
    expect(receiver.received.some((w) => w.path === SEPA_DEPOSIT && w.body.externalUserId === user.externalUserId)).toBe(false);
  });

  it('pays a user transfer to a whitelisted IBAN: amount + 0.1 % fee (min €1) debited, SUCCESSFUL webhook', async () => {
    const user = await fundedUser('250.00');
    const response = await sandbox.p100(
      '/v1/sepa-transfer',
      json({ sourceExternalUserId: user.externalUserId, amount: '100.50', currency: 'EUR', destinationIban: SENDER_IBAN, transferTitle: 'Rent' }),
    );
    expect(response.status).toBe(200);
    const { transferId } = await response.json();

    const details = await settled(sandbox, `/v1/sepa-transfer/details/${transferId}`);
    expect(details).toMatchObject({
      id: transferId,
      type: 'external',
      amount: '100.5',
      transferTitle: 'Rent',
      destinationIban: SENDER_IBAN,
      status: 'SUCCESSFUL',
      currency: 'eur',
      fee: '1',
      user: { externalUserId: user.externalUserId, firstName: 'Jan', lastName: 'Kowalski', country: 'PL' },
    });
    expect(await userBalance(sandbox, user.externalUserId, 'eur')).toBe('148.50');
    const [webhook] = await receiver.whenReceived(USER_SEPA_TRANSFER, (b) => b.id === transferId);
    expect(webhook!.body).toMatchObject({ id: transferId, status: 'SUCCESSFUL', amount: '100.5', fee: 1, destinationIban: SENDER_IBAN });
  });

  it('accepts a transfer beyond the balance and fails it during processing with insufficient funds', async () => {
    const user = await fundedUser('50.00');
    const response = await sandbox.p100(
      '/v1/sepa-transfer',
      json({ sourceExternalUserId: user.externalUserId, amount: '49.50', currency: 'eur', destinationIban: SENDER_IBAN, transferTitle: 'Too much' }),
    );
    expect(response.status).toBe(200);
    const { transferId } = await response.json();

    // 49.50 + the €1.00 minimum fee is more than 50.00.
    const details = await settled(sandbox, `/v1/sepa-transfer/details/${transferId}`);
    expect(details).toMatchObject({ status: 'FAILED', error: { description: 'Insufficient funds', status: 'insufficient-funds' } });
    const [webhook] = await receiver.whenReceived(USER_SEPA_TRANSFER, (b) => b.id === transferId);
    expect(webhook!.body).toEqual({ id: transferId, status: 'FAILED', error: { description: 'Insufficient funds', status: 'insufficient-funds' } });
    expect(await userBalance(sandbox, user.externalUserId, 'eur')).toBe('50.00');
  });

  it("closed loop: fails a transfer to an IBAN that is not the holder's own (not on the contact list)", async () => {
    const user = await fundedUser('500.00');
    const { transferId } = await (
      await sandbox.p100(
        '/v1/sepa-transfer',
        json({ sourceExternalUserId: user.externalUserId, amount: '10', currency: 'eur', destinationIban: OTHER_IBAN, transferTitle: 'Gift' }),
      )
    ).json();
    const details = await settled(sandbox, `/v1/sepa-transfer/details/${transferId}`);
    expect(details).toMatchObject({ status: 'FAILED', error: { status: 'destination-not-allowed' } });
    expect(await userBalance(sandbox, user.externalUserId, 'eur')).toBe('500.00');
  });

  it('pays out from the partner balance after a partner deposit whitelisted the IBAN (fee 0.1 % above €1000)', async () => {
    await deposit({ amount: '10.00', senderName: 'Partner Treasury', senderIban: OTHER_IBAN });
    await receiver.whenReceived(IBAN_STATUS, (b) => b.externalUserId === undefined && b.iban === OTHER_IBAN && b.status === 'APPROVED');
    const contacts = await (await sandbox.p100('/v1/partner/sepa-deposit/contacts')).json();
    expect(contacts.contacts.map((c: { iban: string }) => c.iban)).toContain(OTHER_IBAN);
    await credit(sandbox, { partner: true }, 'eur', '3000');
    const before = await partnerBalance(sandbox, 'eur');

    // The old docs send the amount as a JSON number: read digit for digit.
    const response = await sandbox.p100(
      '/v1/partner/sepa-transfer',
      jsonText(`{"amount":2000.25,"currency":"eur","destinationIban":"${OTHER_IBAN}","transferTitle":"Payout"}`),
    );
    expect(response.status).toBe(200);
    const { transferId } = await response.json();
    const details = await exactJson(await sandbox.p100(`/v1/sepa-transfer/details/${transferId}`));
    expect(details.user).toBeUndefined();
    const done = await settled(sandbox, `/v1/sepa-transfer/details/${transferId}`);
    expect(done).toMatchObject({ status: 'SUCCESSFUL', amount: '2000.25', fee: '2' });
    const [webhook] = await receiver.whenReceived(PARTNER_SEPA_TRANSFER, (b) => b.id === transferId);
    expect(webhook!.body.status).toBe('SUCCESSFUL');
    // 3010.00 before minus 2000.25 and a 2.00 fee (0.1 % of 2000.25, rounded to the cent).
    expect(before).toBe('3010.00');
    expect(await partnerBalance(sandbox, 'eur')).toBe('1007.75');
  });

  it('validates transfers like P100: one P403 with every problem, P412 for an unknown user, P428 for an unknown transfer', async () => {
    const invalid = await sandbox.p100(
      '/v1/sepa-transfer',
      json({ sourceExternalUserId: 'x', amount: '10.001', currency: 'usd', destinationIban: 'PL00123', transferTitle: '', receiverType: 'NATURAL' }),
    );
    expect(invalid.status).toBe(400);
    const body = await invalid.json();
    expect(body.errorCode).toBe('P403');
    expect(body.errorName).toBeUndefined();
    for (const problem of ['currency must be one of the following values: eur', 'destinationIban must be a valid IBAN', 'transferTitle should not be empty']) {
      expect(body.errorMessage).toContain(problem);
    }

    const levelOne = await (
      await sandbox.p100('/v1/partner/sepa-transfer', json({ amount: '10.001', currency: 'eur', destinationIban: SENDER_IBAN, transferTitle: 't', receiverType: 'NATURAL' }))
    ).json();
    expect(levelOne.errorMessage).toContain('amount can have at most 2 decimal places for eur');
    expect(levelOne.errorMessage).toContain('receiverType should not exist');

    const unknownUser = await sandbox.p100(
      '/v1/sepa-transfer',
      json({ sourceExternalUserId: 'nobody', amount: '10', currency: 'eur', destinationIban: SENDER_IBAN, transferTitle: 't' }),
    );
    expect((await unknownUser.json()).errorCode).toBe('P412');

    const missing = await sandbox.p100('/v1/sepa-transfer/details/45e69696-98bb-44f6-9996-9bb28834a538');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ errorCode: 'P428', errorName: 'sepa-transfer-not-found', errorMessage: 'Sepa transfer not found' });
  });
});
