import { randomUUID } from 'node:crypto';
import { CARDS_COMMANDS_TOPIC, CARDS_EVENTS_TOPIC, CardsCommands, DomainError, type CardLimitsAnswer, type CardListView, type CardView } from '@platform/contracts';
import { CommandBus } from '@platform/kafka';
import { KafkaTestConsumer, kafkaTestSettings, uniqueName } from '@platform/testing';
import { startCardsTestApp, type CardsTestApp } from '../test-support/cards-test-app';

const C = CardsCommands;

describe('cards commands on cards.commands (real Postgres and Kafka, P100 on a port)', () => {
  let cards: CardsTestApp;
  let bus: CommandBus;
  let events: KafkaTestConsumer;

  beforeAll(async () => {
    events = await KafkaTestConsumer.start([CARDS_EVENTS_TOPIC]);
    cards = await startCardsTestApp({ CARDS_LIMIT_MAX_DAILY_TRX_ATM: '1000.50' });
    bus = new CommandBus(kafkaTestSettings(), uniqueName('gateway-test'), [CARDS_COMMANDS_TOPIC], 20_000);
    await bus.connect();
  }, 60_000);

  afterAll(async () => {
    await bus?.close();
    await cards?.close();
    await events?.stop();
  });

  const send = <T>(type: string, payload: Record<string, unknown>) => bus.request<T>(CARDS_COMMANDS_TOPIC, type, payload, { key: String(payload['externalUserId']) });
  const issue = async (externalUserId = uniqueName('user'), label = 'Travel'): Promise<CardView> => {
    const reply = await cards.laneCommand<CardView>(C.createCard.type, { externalUserId, label, pin: '4821', requestId: `test-product:${randomUUID()}` });
    if (!reply.ok) throw new Error(`create failed: ${reply.error.code}`);
    return reply.data;
  };
  const history = async (cardId: string) =>
    cards.dataSource.query(
      `SELECT h.kind, h.from_status, h.to_status, h.cause FROM card_status_changes h JOIN cards c ON c.id = h.card WHERE c.card_id = $1 ORDER BY h.id`,
      [cardId],
    );

  it.each([C.createCard, C.revealCard, C.updatePin])('never serves the secure-lane command $type from Kafka', async ({ type }) => {
    const reply = send(type, { externalUserId: 'user-1', cardId: 'card-1', label: 'Travel', pin: '4821', requestId: 'test:1' });
    await expect(reply).rejects.toBeInstanceOf(DomainError);
    await expect(reply).rejects.toMatchObject({ code: 'VALIDATION_FAILED', message: `unknown command type ${type}` });
  });

  it("lists the user's cards with statuses refreshed from P100, and gets one", async () => {
    const user = uniqueName('user');
    const travel = await issue(user, 'Travel');
    const groceries = await issue(user, 'Groceries');
    // P100 blocked a card without telling us.
    cards.p100.cards.get(groceries.cardId)!.status = 'BLOCKED';

    const list = await send<CardListView>(C.listCards.type, { externalUserId: user });
    expect(list.externalUserId).toBe(user);
    expect(list.cards.map((c) => [c.cardId, c.status])).toEqual([
      [travel.cardId, 'ACTIVE'],
      [groceries.cardId, 'BLOCKED'],
    ]);
    expect(await history(groceries.cardId)).toEqual([
      { kind: 'status', from_status: 'CREATING', to_status: 'ACTIVE', cause: 'command' },
      { kind: 'status', from_status: 'ACTIVE', to_status: 'BLOCKED', cause: 'sync' },
    ]);
    await expect(send<CardView>(C.getCard.type, { externalUserId: user, cardId: groceries.cardId })).resolves.toMatchObject({ cardId: groceries.cardId, status: 'BLOCKED', label: 'Groceries' });
    await expect(send(C.getCard.type, { externalUserId: uniqueName('user'), cardId: groceries.cardId })).rejects.toMatchObject({ code: 'CARD_NOT_FOUND' });
  });

  it('blocks, unblocks and deletes through P100; a deleted card is gone for good', async () => {
    const user = uniqueName('user');
    const card = await issue(user);
    const ref = { externalUserId: user, cardId: card.cardId };

    await expect(send<CardView>(C.blockCard.type, ref)).resolves.toMatchObject({ status: 'BLOCKED' });
    // Blocking again changes nothing: no second history row, no second event.
    await expect(send<CardView>(C.blockCard.type, ref)).resolves.toMatchObject({ status: 'BLOCKED' });
    await expect(send<CardView>(C.unblockCard.type, ref)).resolves.toMatchObject({ status: 'ACTIVE' });
    await expect(send<CardView>(C.deleteCard.type, ref)).resolves.toMatchObject({ status: 'DELETED' });
    expect(cards.p100.cards.get(card.cardId)!.status).toBe('DELETED');

    for (const command of [C.getCard, C.blockCard, C.unblockCard, C.deleteCard, C.getLimits]) {
      await expect(send(command.type, ref)).rejects.toMatchObject({ code: 'CARD_NOT_FOUND' });
    }
    expect((await send<CardListView>(C.listCards.type, { externalUserId: user })).cards).toEqual([]);
    expect(await history(card.cardId)).toEqual([
      { kind: 'status', from_status: 'CREATING', to_status: 'ACTIVE', cause: 'command' },
      { kind: 'status', from_status: 'ACTIVE', to_status: 'BLOCKED', cause: 'command' },
      { kind: 'status', from_status: 'BLOCKED', to_status: 'ACTIVE', cause: 'command' },
      { kind: 'status', from_status: 'ACTIVE', to_status: 'DELETED', cause: 'command' },
    ]);
    await events.waitFor((m) => m.key === card.cardId && m.headers.type === 'cards.card.deleted.v1');
    expect(events.messages.filter((m) => m.key === card.cardId).map((m) => m.headers.type)).toEqual([
      'cards.card.created.v1',
      'cards.card.blocked.v1',
      'cards.card.unblocked.v1',
      'cards.card.deleted.v1',
    ]);
  });

  it('never moves a card out of DELETED, whatever P100 lists later', async () => {
    const user = uniqueName('user');
    const card = await issue(user);
    await send(C.deleteCard.type, { externalUserId: user, cardId: card.cardId });
    // A stale or wrong listing must not bring the card back.
    cards.p100.cards.get(card.cardId)!.status = 'ACTIVE';
    await send(C.listCards.type, { externalUserId: user });
    expect(await cards.dataSource.query('SELECT status FROM cards WHERE card_id = $1', [card.cardId])).toEqual([{ status: 'DELETED' }]);
    expect((await history(card.cardId)).at(-1)).toEqual({ kind: 'status', from_status: 'ACTIVE', to_status: 'DELETED', cause: 'command' });
  });

  it('answers a repeated delete whose first answer was lost with the deleted card', async () => {
    const user = uniqueName('user');
    const card = await issue(user);
    // P100 deleted it; our row never heard.
    cards.p100.cards.get(card.cardId)!.status = 'DELETED';
    await expect(send<CardView>(C.deleteCard.type, { externalUserId: user, cardId: card.cardId })).resolves.toMatchObject({ status: 'DELETED' });
    expect((await history(card.cardId)).at(-1)).toMatchObject({ to_status: 'DELETED', cause: 'sync' });
  });

  it('answers CARD_NOT_ACTIVE with the status P100 has when it refuses to unblock', async () => {
    const user = uniqueName('user');
    const card = await issue(user);
    cards.p100.cards.get(card.cardId)!.status = 'SUSPENDED';
    await expect(send(C.unblockCard.type, { externalUserId: user, cardId: card.cardId })).rejects.toMatchObject({ code: 'CARD_NOT_ACTIVE', details: { status: 'SUSPENDED' } });
    expect(await cards.dataSource.query('SELECT status FROM cards WHERE card_id = $1', [card.cardId])).toEqual([{ status: 'SUSPENDED' }]);
  });

  describe('limits', () => {
    it("answers P100's limits as exact decimal strings and keeps them on the card", async () => {
      const user = uniqueName('user');
      const card = await issue(user);
      cards.p100.cards.get(card.cardId)!.limits.dailyTrxAtm = '250.50';
      const answer = await send<CardLimitsAnswer>(C.getLimits.type, { externalUserId: user, cardId: card.cardId });
      expect(answer).toEqual({
        cardId: card.cardId,
        limits: { dailyTrxAll: '2000.00', monthlyTrxAll: '10000.00', dailyTrxAtm: '250.50', monthlyTrxAtm: '2000.00', dailyTrxEcom: '2000.00', monthlyTrxEcom: '10000.00' },
      });
      await expect(send<CardView>(C.getCard.type, { externalUserId: user, cardId: card.cardId })).resolves.toMatchObject({ limits: answer.limits });
    });

    it('refuses a limit above its maximum before P100 is asked, naming the field and the maximum', async () => {
      const user = uniqueName('user');
      const card = await issue(user);
      const asked = cards.p100.calls.length;
      const reply = send(C.updateLimits.type, { externalUserId: user, cardId: card.cardId, limits: { dailyTrxAll: '500', dailyTrxAtm: '1000.51' } });
      await expect(reply).rejects.toMatchObject({
        code: 'CARD_LIMIT_ABOVE_MAXIMUM',
        message: expect.stringContaining('1000.50'),
        details: { field: 'limits.dailyTrxAtm', maximum: '1000.50' },
      });
      expect(cards.p100.calls.length).toBe(asked);
      // Exactly at the maximum is allowed (compared as decimals: "1000.5" is "1000.50").
      await expect(send(C.updateLimits.type, { externalUserId: user, cardId: card.cardId, limits: { dailyTrxAtm: '1000.5' } })).resolves.toMatchObject({ cardId: card.cardId });
    });

    it("sends P100 all six limits, the given ones over P100's, as JSON numbers, and announces the change once", async () => {
      const user = uniqueName('user');
      const card = await issue(user);
      const update = () => send<CardView>(C.updateLimits.type, { externalUserId: user, cardId: card.cardId, limits: { dailyTrxAll: '1500.25', monthlyTrxEcom: '5000' } });
      const updated = await update();
      expect(updated.limits).toEqual({ dailyTrxAll: '1500.25', monthlyTrxAll: '10000.00', dailyTrxAtm: '500.00', monthlyTrxAtm: '2000.00', dailyTrxEcom: '2000.00', monthlyTrxEcom: '5000.00' });
      const sent = cards.p100.calls.filter((c) => c.operation === 'updateCardLimits' && c.body.includes(card.cardId)).at(-1)!;
      expect(sent.body).toContain('"dailyTrxAll":1500.25');
      expect(sent.body).toContain('"monthlyTrxAll":10000');
      expect(cards.p100.cards.get(card.cardId)!.limits).toMatchObject({ dailyTrxAll: '1500.25', monthlyTrxEcom: '5000.00' });

      await update();
      await events.waitFor((m) => m.key === card.cardId && m.headers.type === 'cards.card.limits-updated.v1');
      // The same limits again: no second history row, no second event.
      await send(C.blockCard.type, { externalUserId: user, cardId: card.cardId });
      await events.waitFor((m) => m.key === card.cardId && m.headers.type === 'cards.card.blocked.v1');
      expect(events.messages.filter((m) => m.key === card.cardId && m.headers.type === 'cards.card.limits-updated.v1')).toHaveLength(1);
      expect((await history(card.cardId)).filter((h: { kind: string }) => h.kind === 'limits')).toHaveLength(1);
    });
  });
});
