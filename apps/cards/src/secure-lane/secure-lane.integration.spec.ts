import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { request as httpRequest } from 'node:http';
import { CARDS_EVENTS_TOPIC, CARDS_SECURE_LANE_PATH, CardsCommands, type CardSecretsView, type CardView } from '@platform/contracts';
import { metricsRegistry } from '@platform/metrics';
import { KafkaTestConsumer, uniqueName } from '@platform/testing';
import { IntentReconciliationService } from '../cards/intent-reconciliation.service';
import { captureOutput } from '../test-support/capture-output';
import { LANE_TOKEN, columnsContaining, startCardsTestApp, type CardsTestApp } from '../test-support/cards-test-app';

const { createCard, revealCard, updatePin, listCards } = CardsCommands;

describe('the cards secure lane (real Postgres and Kafka, P100 on a port)', () => {
  let cards: CardsTestApp;
  let events: KafkaTestConsumer;

  beforeAll(async () => {
    events = await KafkaTestConsumer.start([CARDS_EVENTS_TOPIC]);
    // Short P100 timeouts, so that a lost answer is lost quickly; the reconciler looks at once.
    // LOG_LEVEL info: request logging is on, as in production, for the test that reads the logs.
    cards = await startCardsTestApp({ P100_TIMEOUT_MS: '1000', INTENT_RECONCILE_UNKNOWN_AFTER_MS: '0', LOG_LEVEL: 'info' });
  }, 60_000);

  afterAll(async () => {
    await cards?.close();
    await events?.stop();
  });

  const newUser = () => uniqueName('user');
  const create = (externalUserId: string, requestId = `test-product:${randomUUID()}`, label = 'Travel', pin = '4821') =>
    cards.laneCommand<CardView>(createCard.type, { externalUserId, label, pin, requestId });

  describe('its door', () => {
    it('answers 401 with the platform error body without a token or with a wrong one', async () => {
      for (const authorization of [undefined, 'Bearer not-the-token-but-long-enough-to-look-like-one', 'Basic abc']) {
        const headers: Record<string, string> = authorization ? { authorization } : {};
        const response = await fetch(`${cards.url}${CARDS_SECURE_LANE_PATH}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-caller': 'test-product', ...headers },
          body: JSON.stringify({ type: listCards.type, payload: { externalUserId: 'user-1' } }),
        });
        expect(response.status).toBe(401);
        expect(response.headers.get('cache-control')).toBe('no-store');
        expect(await response.json()).toEqual({ error: { code: 'UNAUTHENTICATED', message: expect.any(String) } });
      }
    });

    it('refuses a wrong token before reading the body: a body that never comes, or one too large, is not waited for', async () => {
      const status = await new Promise<number>((resolve, reject) => {
        const url = new URL(CARDS_SECURE_LANE_PATH, cards.url);
        const req = httpRequest(url, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': '5000', authorization: 'Bearer wrong' } }, (res) => {
          resolve(res.statusCode ?? 0);
          res.resume();
          req.destroy();
        });
        req.on('error', reject);
        req.flushHeaders(); // headers only: the 5000 announced bytes are never sent
      });
      expect(status).toBe(401);
      const tooLarge = await cards.lane('x'.repeat(20_000), { authorization: 'Bearer wrong' });
      expect(tooLarge.status).toBe(401);
    });

    it('takes at most 8 KiB of bounded JSON, and answers a malformed body without quoting it', async () => {
      const large = await cards.lane({ type: createCard.type, payload: { pin: '4821', padding: 'x'.repeat(9_000) } });
      expect(large.status).toBe(413);
      expect(await large.json()).toEqual({ error: { code: 'PAYLOAD_TOO_LARGE', message: 'a secure-lane command is at most 8192 bytes' } });
      const malformed = await cards.lane('{"type":"cards.create-card.v1","payload":{"pin":"4821",');
      expect(malformed.status).toBe(400);
      const body = await malformed.text();
      expect(body).not.toContain('4821');
      expect(JSON.parse(body)).toEqual({ error: { code: 'MALFORMED_JSON', message: 'the body is not valid JSON' } });
    });

    it('refuses Kafka-lane commands by name, and answers with no-store', async () => {
      const response = await cards.lane({ type: listCards.type, payload: { externalUserId: 'user-1' } });
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(await response.json()).toEqual({
        ok: false,
        error: { code: 'VALIDATION_FAILED', message: expect.stringContaining('cards.commands'), details: { field: 'type' } },
      });
      expect(await cards.laneCommand('cards.not-a-command.v1', {})).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', message: 'unknown command type cards.not-a-command.v1' } });
    });

    it('needs the calling gateway client in x-caller', async () => {
      expect(await (await cards.lane({ type: revealCard.type, payload: { externalUserId: 'user-1', cardId: 'card-1' } }, { 'x-caller': '' })).json()).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION_FAILED', details: { field: 'x-caller' } },
      });
    });
  });

  describe('create', () => {
    it('issues a card once per requestId: the repeat answers the same card and never reaches P100', async () => {
      const user = newUser();
      const requestId = `test-product:${randomUUID()}`;
      const first = await create(user, requestId);
      expect(first).toEqual({
        ok: true,
        data: { cardId: expect.any(String), externalUserId: user, label: 'Travel', lastFour: expect.stringMatching(/^\d{4}$/), status: 'ACTIVE', limits: null, createdAt: expect.any(String), updatedAt: expect.any(String) },
      });
      expect(await create(user, requestId)).toEqual(first);
      expect(cards.p100.cardsOf(user)).toHaveLength(1);
      expect(cards.p100.count('createVirtualCard')).toBe(cards.p100.calls.filter((c) => c.operation === 'createVirtualCard').length);
      expect(cards.p100.calls.filter((c) => c.operation === 'createVirtualCard' && c.body.includes(user))).toHaveLength(1);

      const card = cards.p100.cardsOf(user)[0]!;
      expect(first.ok && first.data.lastFour).toBe(card.cardNumber.slice(-4));
      // Nothing P100 answered beyond the id and last four is anywhere in the schema, nor the PIN in the intent.
      expect(await columnsContaining(cards.dataSource, card.cardNumber)).toEqual([]);
      const [intent] = await cards.dataSource.query('SELECT status, response, request_hash FROM p100_intents WHERE idempotency_key = $1', [`create-card:${requestId}`]);
      expect(intent).toMatchObject({ status: 'succeeded', response: { cardId: card.cardId, lastFour: card.cardNumber.slice(-4), status: 'ACTIVE' } });
      expect(JSON.stringify(intent.response)).not.toMatch(/cvv|cardNumber|exp|pin/i);

      const created = await events.waitFor((m) => m.key === card.cardId);
      expect(created.headers.type).toBe('cards.card.created.v1');
      expect(created.value).toEqual({ card: first.ok ? first.data : undefined, at: expect.any(String) });
    });

    it('refuses the same requestId for another card', async () => {
      const user = newUser();
      const requestId = `test-product:${randomUUID()}`;
      await create(user, requestId, 'Travel');
      expect(await create(user, requestId, 'Groceries')).toMatchObject({ ok: false, error: { code: 'IDEMPOTENCY_KEY_REUSED' } });
    });

    it('keeps no row of a card P100 refused, and answers its code', async () => {
      const user = newUser();
      cards.p100.refusedUsers.add(user);
      const requestId = `test-product:${randomUUID()}`;
      expect(await create(user, requestId)).toMatchObject({ ok: false, error: { code: 'CARDS_NOT_AVAILABLE', details: { p100Code: 'P451' } } });
      expect(await cards.dataSource.query('SELECT 1 FROM cards WHERE request_id = $1', [requestId])).toEqual([]);
      // The repeat gets the same answer from the intent log, without asking P100 again.
      const asked = cards.p100.count('createVirtualCard');
      expect(await create(user, requestId)).toMatchObject({ ok: false, error: { code: 'CARDS_NOT_AVAILABLE' } });
      expect(cards.p100.count('createVirtualCard')).toBe(asked);
      expect(await cards.dataSource.query('SELECT 1 FROM cards WHERE request_id = $1', [requestId])).toEqual([]);
    });

    it('leaves a card whose answer was lost CREATING, and the reconciler claims the card P100 made', async () => {
      const user = newUser();
      const requestId = `test-product:${randomUUID()}`;
      cards.p100.answerNextCreateAfter(2_500);
      expect(await create(user, requestId)).toMatchObject({ ok: false, error: { code: 'P100_UNAVAILABLE' } });
      expect(await cards.dataSource.query('SELECT status, card_id FROM cards WHERE request_id = $1', [requestId])).toEqual([{ status: 'CREATING', card_id: null }]);
      // A repeat meanwhile neither asks P100 again nor answers a card that is not known yet.
      expect(await create(user, requestId)).toMatchObject({ ok: false, error: { code: 'IDEMPOTENCY_REQUEST_IN_PROGRESS' } });
      expect(cards.p100.cardsOf(user)).toHaveLength(1);

      await cards.app.get(IntentReconciliationService).reconciler.reconcileOnce();

      const made = cards.p100.cardsOf(user)[0]!;
      const [row] = await cards.dataSource.query('SELECT id, status, card_id, last_four FROM cards WHERE request_id = $1', [requestId]);
      expect(row).toMatchObject({ status: 'ACTIVE', card_id: made.cardId, last_four: made.cardNumber.slice(-4) });
      expect(await cards.dataSource.query('SELECT from_status, to_status, cause FROM card_status_changes WHERE card = $1', [row.id])).toEqual([
        { from_status: 'CREATING', to_status: 'ACTIVE', cause: 'reconciler' },
      ]);
      expect(await create(user, requestId)).toMatchObject({ ok: true, data: { cardId: made.cardId, status: 'ACTIVE' } });
      expect(cards.p100.cardsOf(user)).toHaveLength(1);
    });

    it('frees the request of a lost create P100 has no card for, so that the retry issues one', async () => {
      const user = newUser();
      const requestId = `test-product:${randomUUID()}`;
      const rowId = randomUUID();
      // As a create leaves them when its process died after sending: the row CREATING, the intent pending.
      await cards.dataSource.query(`INSERT INTO cards (id, external_user_id, label, status, request_id) VALUES ($1, $2, 'Travel', 'CREATING', $3)`, [rowId, user, requestId]);
      await cards.dataSource.query(
        `INSERT INTO p100_intents (idempotency_key, operation, request_hash, status, subject, updated_at) VALUES ($1, 'createVirtualCard', 'h', 'unknown', $2, now() - interval '1 minute')`,
        [`create-card:${requestId}`, JSON.stringify({ requestId, externalUserId: user, label: 'Travel' })],
      );
      await cards.app.get(IntentReconciliationService).reconciler.reconcileOnce();
      expect(await cards.dataSource.query('SELECT 1 FROM cards WHERE request_id = $1', [requestId])).toEqual([]);
      expect(await cards.dataSource.query('SELECT status FROM p100_intents WHERE idempotency_key = $1', [`create-card:${requestId}`])).toEqual([{ status: 'not_sent' }]);
    });
  });

  describe('reveal', () => {
    it("answers the card's number, CVV and expiry, audits who asked, and keeps none of it", async () => {
      const user = newUser();
      const created = await create(user);
      const cardId = created.ok ? created.data.cardId : '';
      const atP100 = cards.p100.cards.get(cardId)!;

      const response = await cards.lane({ type: revealCard.type, payload: { externalUserId: user, cardId } }, { 'x-caller': 'wallet-app' });
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(await response.json()).toEqual({ ok: true, data: { cardId, cardNumber: atP100.cardNumber, cvv: atP100.cvv, expiry: '12/29', status: 'ACTIVE' } satisfies CardSecretsView });

      expect(await cards.dataSource.query('SELECT external_user_id, caller, outcome, error_code FROM card_reveals WHERE card_id = $1', [cardId])).toEqual([
        { external_user_id: user, caller: 'wallet-app', outcome: 'revealed', error_code: null },
      ]);
      expect(await columnsContaining(cards.dataSource, atP100.cardNumber)).toEqual([]);
      expect(await metricsRegistry.getSingleMetricAsString('cards_reveals_total')).toMatch(/cards_reveals_total\{[^}]*outcome="revealed"[^}]*\} [1-9]/);
    });

    it("refuses another user's card as not found, and audits the refusal", async () => {
      const owner = newUser();
      const created = await create(owner);
      const cardId = created.ok ? created.data.cardId : '';
      const before = cards.p100.count('getCardDetails');
      expect(await cards.laneCommand(revealCard.type, { externalUserId: newUser(), cardId }, 'snooper')).toMatchObject({ ok: false, error: { code: 'CARD_NOT_FOUND' } });
      expect(cards.p100.count('getCardDetails')).toBe(before);
      expect(await cards.dataSource.query('SELECT caller, outcome, error_code FROM card_reveals WHERE card_id = $1', [cardId])).toEqual([
        { caller: 'snooper', outcome: 'refused', error_code: 'CARD_NOT_FOUND' },
      ]);
    });
  });

  it('logs nothing of a lane request or its answer: no card number, CVV, PIN or token', async () => {
    const output = captureOutput();
    let secrets: string[] = [];
    try {
      new Logger('LogProbe').log('log capture probe');
      const user = newUser();
      const created = await create(user, undefined, 'Travel', '6093');
      const cardId = created.ok ? created.data.cardId : '';
      await cards.laneCommand(revealCard.type, { externalUserId: user, cardId });
      await cards.laneCommand(updatePin.type, { externalUserId: user, cardId, pin: '1958' });
      await cards.lane({ type: revealCard.type, payload: { externalUserId: user, cardId } }, { authorization: 'Bearer wrong-token-that-is-long-enough' });
      const atP100 = cards.p100.cards.get(cardId)!;
      secrets = [atP100.cardNumber, `"${atP100.cvv}"`, '6093', '1958', LANE_TOKEN];
      await new Promise((resolve) => setTimeout(resolve, 300));
    } finally {
      output.stop();
    }
    const text = output.text();
    // The capture sees the service's log lines.
    expect(text).toContain('log capture probe');
    for (const secret of secrets) expect(text).not.toContain(secret);
    expect(text).not.toContain(CARDS_SECURE_LANE_PATH);
  });

  it('changes the PIN at P100, and keeps only the fact of it', async () => {
    const user = newUser();
    const created = await create(user);
    const cardId = created.ok ? created.data.cardId : '';
    expect(await cards.laneCommand(updatePin.type, { externalUserId: user, cardId, pin: '7305' })).toMatchObject({ ok: true, data: { cardId, status: 'ACTIVE' } });
    expect(cards.p100.cards.get(cardId)!.pin).toBe('7305');

    const [row] = await cards.dataSource.query('SELECT id FROM cards WHERE card_id = $1', [cardId]);
    expect(await cards.dataSource.query('SELECT kind, from_status, to_status, cause FROM card_status_changes WHERE card = $1 ORDER BY id', [row.id])).toEqual([
      { kind: 'status', from_status: 'CREATING', to_status: 'ACTIVE', cause: 'command' },
      { kind: 'pin', from_status: 'ACTIVE', to_status: 'ACTIVE', cause: 'command' },
    ]);
    const changed = await events.waitFor((m) => m.key === cardId && m.headers.type === 'cards.card.pin-changed.v1');
    expect(JSON.stringify(changed.value)).not.toMatch(/pin"|7305/i);
    const outbox: Array<{ payload: unknown }> = await cards.dataSource.query('SELECT payload FROM outbox WHERE message_key = $1', [cardId]);
    expect(JSON.stringify(outbox)).not.toMatch(/"pin"|7305/);
    // A PIN is 4 digits: refused before P100 otherwise, without echoing it.
    const refused = await cards.laneCommand(updatePin.type, { externalUserId: user, cardId, pin: '73051' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', details: { field: 'pin' } } });
    expect(JSON.stringify(refused)).not.toContain('73051');
  });
});
