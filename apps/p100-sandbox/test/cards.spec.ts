import { withSchema } from './support/test-database';
import { createUser, json } from './support/test-sandbox';
import { useTestSandbox } from './support/sandbox-fixture';
import { createActiveUser, credit } from './support/sandbox-admin';

const CARD_TRANSACTION = '/webhook/card-transaction/status';

describe('Virtual cards', () => {
  const { sandbox, receiver, schema } = useTestSandbox({ webhooks: true });

  const patch = (path: string, body: unknown) => sandbox.p100(path, { ...json(body), method: 'PATCH' });
  const adminPost = (path: string, body: unknown = {}) => sandbox.admin(path, json(body));

  /** A KYC-approved user whose EUR balance holds `eur`. */
  async function verifiedUser(overrides: Record<string, unknown> = {}, eur = '0') {
    const user = await createActiveUser(sandbox, overrides);
    if (eur !== '0') await credit(sandbox, { externalUserId: user.externalUserId }, 'eur', eur);
    return user;
  }

  async function createCard(externalUserId: string, label = 'Travel card') {
    const response = await sandbox.p100('/v1/card/virtual', json({ externalUserId, label, pin: '1234' }));
    expect(response.status).toBe(200);
    return (await response.json()) as { cardId: string; cardNumber: string; cvv: string; exp: string };
  }

  const eurBalance = async (externalUserId: string) =>
    (await (await sandbox.p100(`/v1/user/balances/${externalUserId}`)).json()).fiatBalances[0].amount as string;

  it('creates a card, lists it and shows the same details again, storing neither PAN, CVV nor PIN', async () => {
    const { externalUserId } = await verifiedUser();
    const card = await createCard(externalUserId);
    expect(card).toEqual({ cardId: expect.any(String), cardNumber: expect.stringMatching(/^400000\d{10}$/), cvv: expect.stringMatching(/^\d{3}$/), exp: expect.stringMatching(/^\d{2}\/\d{2}$/) });

    const list = await (await sandbox.p100(`/v1/card/all/${externalUserId}`)).json();
    expect(list).toEqual({ cards: [{ cardId: card.cardId, status: 'ACTIVE', label: 'Travel card', cardLastDigits: card.cardNumber.slice(-4) }] });

    const details = await (await sandbox.p100(`/v1/card/details/${externalUserId}/${card.cardId}`)).json();
    expect(details).toEqual({ status: 'ACTIVE', cardNumber: card.cardNumber, cvv: card.cvv, exp: card.exp });

    const stored = await withSchema(schema, async (db) => (await db.query(`SELECT to_jsonb(c)::text AS row FROM cards c WHERE id = $1`, [card.cardId])).rows[0].row as string);
    expect(stored).not.toContain(card.cardNumber);
    expect(stored).not.toContain('"1234"');
    expect(stored).toMatch(/scrypt:/);
  });

  it('answers P403 for a bad label or PIN, P412 for an unknown user and P459 before KYC approval', async () => {
    const invalid = await sandbox.p100('/v1/card/virtual', json({ externalUserId: 'x', label: 'ab', pin: '12a4' }));
    expect(await invalid.json()).toEqual({ errorCode: 'P403', errorMessage: 'label must be longer than or equal to 3 characters. pin must be 4 digits.' });
    expect(await (await sandbox.p100('/v1/card/virtual', json({ externalUserId: 'nobody', label: 'abc', pin: '1234' }))).json()).toMatchObject({ errorCode: 'P412' });
    const { externalUserId } = await createUser(sandbox);
    expect(await (await sandbox.p100('/v1/card/virtual', json({ externalUserId, label: 'abc', pin: '1234' }))).json()).toMatchObject({ errorCode: 'P459' });
  });

  it('refuses cards to residents outside the card countries (P451) and asks POA-country users to be extended (P461)', async () => {
    const american = await verifiedUser({ country: 'US' });
    const p451 = await sandbox.p100('/v1/card/virtual', json({ externalUserId: american.externalUserId, label: 'abc', pin: '1234' }));
    expect(await p451.json()).toMatchObject({ errorCode: 'P451', errorName: 'forbidden-country-card' });

    const ukrainian = await verifiedUser({ country: 'UA' });
    const p461 = await sandbox.p100('/v1/card/virtual', json({ externalUserId: ukrainian.externalUserId, label: 'abc', pin: '1234' }));
    expect(await p461.json()).toMatchObject({ errorCode: 'P461', errorName: 'user-not-extended' });
  });

  it('answers P434 for an unknown card, another user\'s card or a deleted card', async () => {
    const owner = await verifiedUser();
    const other = await verifiedUser();
    const card = await createCard(owner.externalUserId);
    expect(await (await sandbox.p100(`/v1/card/details/${owner.externalUserId}/not-a-card`)).json()).toMatchObject({ errorCode: 'P434' });
    expect(await (await sandbox.p100(`/v1/card/details/${other.externalUserId}/${card.cardId}`)).json()).toMatchObject({ errorCode: 'P434' });

    const deleted = await sandbox.p100('/v1/card/virtual', { ...json({ externalUserId: owner.externalUserId, cardId: card.cardId }), method: 'DELETE' });
    expect(deleted.status).toBe(200);
    expect(await (await sandbox.p100(`/v1/card/details/${owner.externalUserId}/${card.cardId}`)).json()).toMatchObject({ errorCode: 'P434' });
    expect((await (await sandbox.p100(`/v1/card/all/${owner.externalUserId}`)).json()).cards[0].status).toBe('DELETED');

    const ref = { externalUserId: owner.externalUserId, cardId: card.cardId };
    expect(await (await sandbox.p100('/v1/card/virtual', { ...json(ref), method: 'DELETE' })).json()).toMatchObject({ errorCode: 'P434' });
    expect(await (await patch('/v1/card/block', ref)).json()).toMatchObject({ errorCode: 'P434' });
    expect(await (await patch('/v1/card/unblock', ref)).json()).toMatchObject({ errorCode: 'P434' });
    expect(await (await sandbox.p100(`/v1/card/limits/${owner.externalUserId}/${card.cardId}`)).json()).toMatchObject({ errorCode: 'P434' });
    expect(await (await sandbox.p100('/v1/card/all/nobody')).json()).toMatchObject({ errorCode: 'P412' });
  });

  it('goes through block, unblock, PIN and limit changes; limits are exact JSON numbers', async () => {
    const { externalUserId } = await verifiedUser();
    const { cardId } = await createCard(externalUserId);
    const ref = { externalUserId, cardId };

    expect(await (await patch('/v1/card/block', ref)).json()).toEqual({ message: 'Card blocked' });
    expect((await (await sandbox.p100(`/v1/card/all/${externalUserId}`)).json()).cards[0].status).toBe('BLOCKED');
    expect((await patch('/v1/card/unblock', ref)).status).toBe(200);
    expect((await (await sandbox.p100(`/v1/card/details/${externalUserId}/${cardId}`)).json()).status).toBe('ACTIVE');

    const pinBefore = await withSchema(schema, async (db) => (await db.query(`SELECT pin_hash FROM cards WHERE id = $1`, [cardId])).rows[0].pin_hash);
    expect((await patch('/v1/card/pin', { ...ref, pin: '9876' })).status).toBe(200);
    expect(await (await patch('/v1/card/pin', { ...ref, pin: '98765' })).json()).toMatchObject({ errorCode: 'P403' });
    const pinAfter = await withSchema(schema, async (db) => (await db.query(`SELECT pin_hash FROM cards WHERE id = $1`, [cardId])).rows[0].pin_hash);
    expect(pinAfter).not.toBe(pinBefore);

    const defaults = await sandbox.p100(`/v1/card/limits/${externalUserId}/${cardId}`);
    expect(await defaults.text()).toBe('{"dailyTrxAll":2000,"monthlyTrxAll":10000,"dailyTrxAtm":500,"monthlyTrxAtm":2000,"dailyTrxEcom":2000,"monthlyTrxEcom":10000}');
    const update = await sandbox.p100('/v1/card/limits', {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: `{"externalUserId":"${externalUserId}","cardId":"${cardId}","dailyTrxAll":150.25,"dailyTrxAtm":0}`,
    });
    expect(update.status).toBe(200);
    const limits = await (await sandbox.p100(`/v1/card/limits/${externalUserId}/${cardId}`)).text();
    expect(limits).toContain('"dailyTrxAll":150.25');
    expect(limits).toContain('"dailyTrxAtm":0,');
    expect(await (await patch('/v1/card/limits', { ...ref, dailyTrxAll: 1.234 })).json()).toMatchObject({ errorCode: 'P403' });
  });

  it('authorises card transactions against status, limits and the EUR balance, reporting each by webhook', async () => {
    const { externalUserId } = await verifiedUser({}, '100.00');
    const { cardId } = await createCard(externalUserId);
    await patch('/v1/card/limits', { externalUserId, cardId, dailyTrxAll: 80, dailyTrxAtm: 20 });

    const approved = await (await adminPost(`/admin/cards/${cardId}/transactions`, { amount: '30.10', merchantName: 'Coffee' })).json();
    expect(approved).toMatchObject({ status: 'APPROVED', declineReason: null, amount: '30.1' });
    expect(await eurBalance(externalUserId)).toBe('69.90');

    const overAtm = await (await adminPost(`/admin/cards/${cardId}/transactions`, { amount: '25', channel: 'ATM' })).json();
    expect(overAtm).toMatchObject({ status: 'DECLINED', declineReason: 'DAILY_ATM_LIMIT_EXCEEDED' });
    const overDaily = await (await adminPost(`/admin/cards/${cardId}/transactions`, { amount: '50' })).json();
    expect(overDaily).toMatchObject({ status: 'DECLINED', declineReason: 'DAILY_LIMIT_EXCEEDED' });

    await patch('/v1/card/limits', { externalUserId, cardId, dailyTrxAll: 1000, monthlyTrxAll: 1000 });
    const broke = await (await adminPost(`/admin/cards/${cardId}/transactions`, { amount: '69.91' })).json();
    expect(broke).toMatchObject({ status: 'DECLINED', declineReason: 'INSUFFICIENT_FUNDS' });
    expect(await eurBalance(externalUserId)).toBe('69.90');

    await patch('/v1/card/block', { externalUserId, cardId });
    expect(await (await adminPost(`/admin/cards/${cardId}/transactions`, { amount: '1' })).json()).toMatchObject({ status: 'DECLINED', declineReason: 'CARD_BLOCKED' });

    const webhooks = await receiver.waitFor(CARD_TRANSACTION, externalUserId, 5);
    expect(webhooks[0]!.body).toEqual({
      externalUserId, cardId, transactionId: approved.transactionId, amount: '30.1', currency: 'eur', merchantName: 'Coffee',
      status: 'APPROVED', declineReason: null, createdAt: expect.any(String),
    });
    expect(webhooks.map((w) => w.body.declineReason)).toEqual([null, 'DAILY_ATM_LIMIT_EXCEEDED', 'DAILY_LIMIT_EXCEEDED', 'INSUFFICIENT_FUNDS', 'CARD_BLOCKED']);
  });

  it('refuses to suspend a user with an active card (P454); a suspended user\'s cards cannot pay or be unblocked (P455)', async () => {
    const { externalUserId } = await verifiedUser({}, '50');
    const { cardId } = await createCard(externalUserId);

    const refused = await patch(`/v1/user/suspend/${externalUserId}`, {});
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ errorCode: 'P454', errorName: 'suspension-not-possible' });

    await patch('/v1/card/block', { externalUserId, cardId });
    expect((await patch(`/v1/user/suspend/${externalUserId}`, {})).status).toBe(200);

    expect(await (await patch('/v1/card/unblock', { externalUserId, cardId })).json()).toMatchObject({ errorCode: 'P455' });
    expect(await (await sandbox.p100('/v1/card/virtual', json({ externalUserId, label: 'second', pin: '1111' }))).json()).toMatchObject({ errorCode: 'P455' });
    expect(await (await adminPost(`/admin/cards/${cardId}/transactions`, { amount: '5' })).json()).toMatchObject({ status: 'DECLINED', declineReason: 'USER_SUSPENDED' });

    expect((await patch(`/v1/user/unsuspend/${externalUserId}`, {})).status).toBe(200);
    expect((await patch('/v1/card/unblock', { externalUserId, cardId })).status).toBe(200);
    expect(await (await adminPost(`/admin/cards/${cardId}/transactions`, { amount: '5' })).json()).toMatchObject({ status: 'APPROVED' });
  });

  it('sends 3DS and activation codes by webhook', async () => {
    const { externalUserId } = await verifiedUser();
    const { cardId } = await createCard(externalUserId);

    const threeDs = await adminPost(`/admin/cards/${cardId}/3ds-code`, { amount: '49.99', merchantName: 'Web Shop' });
    expect(threeDs.status).toBe(202);
    const { code } = await threeDs.json();
    const [webhook] = await receiver.waitFor('/webhook/card/3ds-code', externalUserId);
    expect(webhook!.body).toEqual({ externalUserId, cardId, code, merchantName: 'Web Shop', amount: '49.99', currency: 'eur' });
    expect(code).toMatch(/^\d{6}$/);

    expect((await adminPost(`/admin/cards/${cardId}/activation-code`)).status).toBe(202);
    const [activation] = await receiver.waitFor('/webhook/card/activation-code', externalUserId);
    expect(activation!.body).toEqual({ externalUserId, cardId, code: expect.stringMatching(/^\d{6}$/) });

    expect((await adminPost('/admin/cards/00000000-0000-0000-0000-000000000000/activation-code')).status).toBe(404);
  });
});
