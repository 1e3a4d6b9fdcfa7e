import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { GRPC_STATUS, MessageHeaders, allTopicNames, type CardView, type SecureCodeEvent } from '@platform/contracts';
import { OneTimeCodeSealer } from '@platform/secrets';
import { GrpcTestClient, testEnv } from '@platform/testing';
import { api, BASE_PORT, capturedLogs, DEV_SECRETS, eventually, KafkaTestConsumer, newUser, pngFile, startPlatform, type Platform } from './platform.harness';

jest.setTimeout(240_000);

/**
 * Issue 11 through every hop, on its own platform (ports BASE_PORT+50): the rest of onboarding
 * (method B, proof of address, rejection, suspension, deletion, limited users, updates) and the
 * card lifecycle, with card data kept off every disk, topic and log (the last test scans them).
 */
const PORT = BASE_PORT + 50;
const GATEWAY = `http://127.0.0.1:${PORT}`;
const SANDBOX = `http://127.0.0.1:${PORT + 100}`;
/** A client that manages cards but may not see their numbers (no cards:reveal). */
const SUPPORT_KEY = 'e2e-cards-support-key-0001';
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const ALL_SCOPES = ['users:read', 'users:write', 'payments:read', 'payments:write', 'cards:read', 'cards:write', 'cards:reveal', 'partner:read', 'partner:write'];
const ENV = {
  GATEWAY_CLIENTS: JSON.stringify([
    { name: 'product-dev', keys: [{ id: 'dev-1', sha256: sha256(DEV_SECRETS.gatewayApiKey!) }], scopes: ALL_SCOPES, rateLimit: { perSecond: 1000, burst: 2000 } },
    { name: 'cards-support', keys: [{ id: 'support-1', sha256: sha256(SUPPORT_KEY) }], scopes: ['cards:read', 'cards:write', 'users:read'] },
  ]),
};

const uid = (label: string) => `cu-${label}-${randomBytes(4).toString('hex')}`;

describe('cards and the rest of onboarding, with card data in memory only', () => {
  let platform: Platform;
  let events: KafkaTestConsumer;
  let db: Client;
  /** What the sandbox issued during this run: none of it may be at rest or in a log anywhere. */
  const issued = { pans: [] as string[], cvvs: [] as string[], pins: [] as string[], codes: [] as string[] };

  const call = (method: string, path: string, init: { body?: unknown; idempotencyKey?: string; apiKey?: string; form?: FormData } = {}) =>
    api(method, path, {
      base: GATEWAY,
      body: init.body,
      form: init.form,
      headers: { ...(init.idempotencyKey ? { 'idempotency-key': init.idempotencyKey } : {}), ...(init.apiKey ? { 'x-api-key': init.apiKey } : {}) },
    });
  const sandbox = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${SANDBOX}${path}`, { method, headers: body ? { 'content-type': 'application/json' } : {}, body: body ? JSON.stringify(body) : undefined });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  };
  const user = (externalUserId: string) => call('GET', `/v1/users/${externalUserId}`);
  const userEvent = (externalUserId: string, type: string) => events.waitFor((m) => m.key === externalUserId && m.headers[MessageHeaders.type] === type, 30_000);
  const cardEvent = (cardId: string, type: string) => events.waitFor((m) => m.key === cardId && m.headers[MessageHeaders.type] === type, 30_000);
  const files = (...names: string[]) => {
    const form = new FormData();
    for (const name of names) form.append('files', pngFile(name));
    return form;
  };

  async function created(label: string, overrides: Record<string, unknown> = {}): Promise<string> {
    const externalUserId = uid(label);
    const res = await call('POST', '/v1/users', { body: newUser(externalUserId, overrides) });
    expect(res).toMatchObject({ status: 201, body: { status: 'CREATED', model: 'KYC' } });
    return externalUserId;
  }

  async function activeUser(label: string): Promise<string> {
    const externalUserId = await created(label);
    expect((await call('POST', `/v1/users/${externalUserId}/kyc-files`, { form: files('id.png', 'selfie.png') })).status).toBe(202);
    expect((await call('POST', `/v1/users/${externalUserId}/verification`)).status).toBe(202);
    await eventually(() => user(externalUserId), (r) => r.body?.status === 'ACTIVE');
    return externalUserId;
  }

  beforeAll(async () => {
    platform = await startPlatform({ basePort: PORT, env: ENV });
    events = await KafkaTestConsumer.start(['onboarding.events', 'cards.events', 'cards.secure-codes']);
    db = new Client({ connectionString: testEnv().databaseUrl });
    await db.connect();
  });

  afterAll(async () => {
    await events?.stop();
    await db?.end();
    await platform?.stop();
  });

  describe('onboarding', () => {
    it('takes a user through P100-hosted KYC (method B) to ACTIVE', async () => {
      const externalUserId = await created('hosted');
      const session = await call('POST', `/v1/users/${externalUserId}/kyc-sessions`, {
        body: { documentType: 'ID_CARD', country: 'PL', incomeSource: 'SALARY', occupation: 'IT', additionalInfo: 'Developer', openAccountReason: 'DAILY_USE' },
      });
      expect(session).toMatchObject({ status: 201, body: { verificationId: expect.any(String), user: { status: 'KYC_SESSION_STARTED' } } });
      expect(session.body.redirectUrl).toBe(`${SANDBOX}/v1/kyc/verification/${externalUserId}/${session.body.verificationId}`);
      await userEvent(externalUserId, 'onboarding.user.kyc-session-started.v1');

      // The end user's browser opens the hosted page; the sandbox takes that as the capture done.
      const page = await fetch(session.body.redirectUrl);
      expect({ status: page.status, type: page.headers.get('content-type') }).toMatchObject({ status: 200, type: expect.stringContaining('text/html') });
      await eventually(() => user(externalUserId), (r) => r.body?.status === 'KYC_SESSION_APPROVED');
      const status = await call('GET', `/v1/users/${externalUserId}/kyc-status`);
      expect(status).toMatchObject({ status: 200, body: { externalUserId, verificationId: session.body.verificationId, status: 'APPROVED' } });

      expect((await call('POST', `/v1/users/${externalUserId}/verification`)).body.status).toBe('VERIFICATION_SUBMITTED');
      await eventually(() => user(externalUserId), (r) => r.body?.status === 'ACTIVE');
      for (const type of ['onboarding.user.kyc-session-approved.v1', 'onboarding.user.verification-submitted.v1', 'onboarding.user.activated.v1']) {
        await userEvent(externalUserId, type);
      }
    });

    it('refuses a hosted KYC request with a missing conditional field, naming it, before P100 is asked', async () => {
      const externalUserId = await created('hosted-bad');
      const res = await call('POST', `/v1/users/${externalUserId}/kyc-sessions`, { body: { documentType: 'PASSPORT', country: 'PL', incomeSource: 'BUSINESS_ACTIVITY', openAccountReason: 'DAILY_USE' } });
      expect(res).toMatchObject({ status: 400, body: { error: { code: 'VALIDATION_FAILED', details: { field: 'taxId' } } } });
      expect((await user(externalUserId)).body.status).toBe('CREATED');
    });

    it('takes a user from a proof-of-address country through POA to ACTIVE', async () => {
      const externalUserId = await created('poa', { country: 'UA', citizenship: 'UA', nationality: 'UA', birthCountry: 'UA' });
      expect((await user(externalUserId)).body).toMatchObject({ poaRequired: true, poaStatus: 'REQUIRED' });
      await userEvent(externalUserId, 'onboarding.user.poa-required.v1');

      const uploaded = await call('POST', `/v1/users/${externalUserId}/poa-files`, { form: files('utility-bill.png') });
      expect(uploaded).toMatchObject({ status: 202, body: { poaStatus: 'WAITING' } });
      await eventually(() => user(externalUserId), (r) => r.body?.poaStatus === 'APPROVED');
      await userEvent(externalUserId, 'onboarding.user.poa-approved.v1');
      // Approved is final: a second upload is refused before P100 is asked.
      const again = await call('POST', `/v1/users/${externalUserId}/poa-files`, { form: files('utility-bill.png') });
      expect(again).toMatchObject({ status: 409, body: { error: { code: 'POA_ALREADY_VERIFIED' } } });

      expect((await call('POST', `/v1/users/${externalUserId}/kyc-files`, { form: files('id.png') })).status).toBe(202);
      expect((await call('POST', `/v1/users/${externalUserId}/verification`)).status).toBe(202);
      await eventually(() => user(externalUserId), (r) => r.body?.status === 'ACTIVE');
    });

    it('refuses proof of address to a user who was never asked for it', async () => {
      const externalUserId = await created('no-poa');
      const res = await call('POST', `/v1/users/${externalUserId}/poa-files`, { form: files('bill.png') });
      expect(res).toMatchObject({ status: 409, body: { error: { code: 'POA_NOT_REQUIRED' } } });
    });

    it('records a KYC rejection as final and publishes it', async () => {
      const externalUserId = await created('rejected');
      expect((await sandbox('PUT', `/admin/users/${externalUserId}/kyc-decision`, { decision: 'reject' })).status).toBe(200);
      expect((await call('POST', `/v1/users/${externalUserId}/kyc-files`, { form: files('id.png') })).status).toBe(202);
      expect((await call('POST', `/v1/users/${externalUserId}/verification`)).status).toBe(202);
      await eventually(() => user(externalUserId), (r) => r.body?.status === 'REJECTED');
      const event = await userEvent(externalUserId, 'onboarding.user.kyc-rejected.v1');
      expect(event.value).toMatchObject({ externalUserId, status: 'REJECTED' });
      const upload = await call('POST', `/v1/users/${externalUserId}/kyc-files`, { form: files('id.png') });
      expect(upload.status).toBe(409);
    });

    it('suspends a user, whose operations are then refused with a clear error, and unsuspends it', async () => {
      const externalUserId = await activeUser('suspend');
      const suspended = await call('POST', `/v1/users/${externalUserId}/suspension`);
      expect(suspended).toMatchObject({ status: 200, body: { suspended: true, status: 'ACTIVE' } });
      await userEvent(externalUserId, 'onboarding.user.suspended.v1');

      // P100 refuses a suspended user's money movements; onboarding refuses its own writes.
      const funding = { body: { amount: '1.00', currency: 'eur' } };
      const moved = await call('POST', `/v1/users/${externalUserId}/transfers/from-partner`, { ...funding, idempotencyKey: randomUUID() });
      expect(moved).toMatchObject({ status: 409, body: { error: { code: 'USER_SUSPENDED' } } });
      expect(moved.body.error.message).toMatch(/suspend/i);
      const update = await call('PATCH', `/v1/users/${externalUserId}`, { body: { city: 'Kraków' } });
      expect(update).toMatchObject({ status: 409, body: { error: { code: 'USER_SUSPENDED' } } });

      const unsuspended = await call('DELETE', `/v1/users/${externalUserId}/suspension`);
      expect(unsuspended).toMatchObject({ status: 200, body: { suspended: false } });
      await userEvent(externalUserId, 'onboarding.user.unsuspended.v1');
      expect((await call('POST', `/v1/users/${externalUserId}/transfers/from-partner`, { ...funding, idempotencyKey: randomUUID() })).status).toBe(202);
    });

    it('updates only the fields P100 allows, and publishes their names only', async () => {
      const externalUserId = await activeUser('update');
      const updated = await call('PATCH', `/v1/users/${externalUserId}`, { body: { city: 'Gdańsk', postCode: '80-001' } });
      expect(updated.status).toBe(200);
      const event = await userEvent(externalUserId, 'onboarding.user.updated.v1');
      expect((event.value as { changedFields: string[] }).changedFields.sort()).toEqual(['city', 'postCode']);
      expect(JSON.stringify(event.value)).not.toContain('Gdańsk');

      const country = await call('PATCH', `/v1/users/${externalUserId}`, { body: { country: 'DE' } });
      expect(country).toMatchObject({ status: 400, body: { error: { code: 'VALIDATION_FAILED', details: { field: 'country' } } } });
    });

    it('deletes a user for good: later operations answer USER_DELETED', async () => {
      const externalUserId = await activeUser('delete');
      const deleted = await call('DELETE', `/v1/users/${externalUserId}`);
      expect(deleted).toMatchObject({ status: 200, body: { status: 'DELETED' } });
      await userEvent(externalUserId, 'onboarding.user.deleted.v1');
      expect((await user(externalUserId)).body.status).toBe('DELETED');
      expect((await call('POST', `/v1/users/${externalUserId}/suspension`)).body.error.code).toBe('USER_DELETED');
      expect((await call('DELETE', `/v1/users/${externalUserId}`)).body.error.code).toBe('USER_DELETED');
    });

    it('creates a limited (non-KYC) user, active at once, with balances and no KYC steps', async () => {
      const externalUserId = uid('limited');
      const res = await call('POST', '/v1/limited-users', { body: { externalUserId, email: `${externalUserId}@example.com`, firstName: 'Ola', lastName: 'Nowak', country: 'PL' } });
      expect(res).toMatchObject({ status: 201, body: { externalUserId, model: 'LIMITED', status: 'ACTIVE' } });
      await userEvent(externalUserId, 'onboarding.user.activated.v1');
      const balances = await call('GET', `/v1/users/${externalUserId}/balances`);
      expect(balances.status).toBe(200);
      const session = await call('POST', `/v1/users/${externalUserId}/kyc-sessions`, { body: { documentType: 'PASSPORT', country: 'PL', incomeSource: 'INVESTMENTS', additionalInfo: 'ETF', openAccountReason: 'DAILY_USE' } });
      expect(session.status).toBe(409);
    });
  });

  describe('cards', () => {
    let holder: string;
    let card: CardView;

    beforeAll(async () => {
      holder = await activeUser('holder');
    });

    it('creates a card once per Idempotency-Key, and answers it without its number', async () => {
      const idempotencyKey = randomUUID();
      const pin = '4729';
      issued.pins.push(pin);
      const first = await call('POST', `/v1/users/${holder}/cards`, { body: { label: 'Travel card', pin }, idempotencyKey });
      expect(first).toMatchObject({ status: 201, body: { externalUserId: holder, label: 'Travel card', status: 'ACTIVE', lastFour: expect.stringMatching(/^\d{4}$/) } });
      expect(Object.keys(first.body)).not.toEqual(expect.arrayContaining(['cardNumber']));
      card = first.body;
      const repeat = await call('POST', `/v1/users/${holder}/cards`, { body: { label: 'Travel card', pin }, idempotencyKey });
      expect(repeat).toMatchObject({ status: 201, body: { cardId: card.cardId } });
      const keyless = await call('POST', `/v1/users/${holder}/cards`, { body: { label: 'Travel card', pin } });
      expect(keyless).toMatchObject({ status: 400, body: { error: { code: 'IDEMPOTENCY_KEY_REQUIRED' } } });

      const list = await call('GET', `/v1/users/${holder}/cards`);
      expect(list).toMatchObject({ status: 200, body: { externalUserId: holder } });
      expect(list.body.cards.map((c: CardView) => c.cardId)).toEqual([card.cardId]);
      await cardEvent(card.cardId, 'cards.card.created.v1');
    });

    it('reveals the number, CVV and expiry with cards:reveal only, never to be stored (no-store)', async () => {
      const revealed = await call('GET', `/v1/users/${holder}/cards/${card.cardId}/secrets`);
      expect(revealed).toMatchObject({ status: 200, body: { cardId: card.cardId, cardNumber: expect.stringMatching(/^\d{16}$/), cvv: expect.stringMatching(/^\d{3}$/), expiry: expect.stringMatching(/^\d{2}\/\d{2}$/) } });
      expect(revealed.headers.get('cache-control')).toBe('no-store');
      expect(revealed.body.cardNumber.slice(-4)).toBe(card.lastFour);
      issued.pans.push(revealed.body.cardNumber);
      issued.cvvs.push(revealed.body.cvv);

      const refused = await call('GET', `/v1/users/${holder}/cards/${card.cardId}/secrets`, { apiKey: SUPPORT_KEY });
      expect(refused).toMatchObject({ status: 403, body: { error: { code: 'PERMISSION_DENIED', details: { requiredScope: 'cards:reveal' } } } });
      expect((await call('GET', `/v1/users/${holder}/cards/${card.cardId}`, { apiKey: SUPPORT_KEY })).status).toBe(200);

      // gRPC refuses the same client the same way, and reveals to the one allowed.
      const grpc = new GrpcTestClient(platform.running.gateway!.grpcAddress!);
      try {
        const ref = { externalUserId: holder, cardId: card.cardId };
        const denied = await grpc.call('CardsService', 'RevealCard', ref, { 'x-api-key': SUPPORT_KEY });
        expect(denied.error?.code).toBe(GRPC_STATUS.PERMISSION_DENIED);
        const viaGrpc = await grpc.call('CardsService', 'RevealCard', ref, { 'x-api-key': DEV_SECRETS.gatewayApiKey! });
        expect(viaGrpc.response).toMatchObject({ cardNumber: revealed.body.cardNumber, cvv: revealed.body.cvv });
      } finally {
        grpc.close();
      }
      // The reveal is audited: who, when, which card (never the data).
      const { rows } = await db.query(`SELECT count(*)::int AS n FROM cards.card_reveals WHERE caller = 'product-dev'`);
      expect(rows[0].n).toBeGreaterThanOrEqual(2);
    });

    it('changes the PIN, blocks, unblocks and sets limits, each published as a card event', async () => {
      const pin = '6183';
      issued.pins.push(pin);
      const changed = await call('PUT', `/v1/users/${holder}/cards/${card.cardId}/pin`, { body: { pin } });
      expect(changed).toMatchObject({ status: 200, body: { cardId: card.cardId } });
      expect(changed.headers.get('cache-control')).toBe('no-store');
      await cardEvent(card.cardId, 'cards.card.pin-changed.v1');

      expect((await call('POST', `/v1/users/${holder}/cards/${card.cardId}/block`)).body.status).toBe('BLOCKED');
      await cardEvent(card.cardId, 'cards.card.blocked.v1');
      const declined = await sandbox('POST', `/admin/cards/${card.cardId}/transactions`, { amount: '5.00', merchantName: 'Blocked Cafe' });
      expect(declined.body).toMatchObject({ status: 'DECLINED', declineReason: 'CARD_BLOCKED' });
      expect((await call('POST', `/v1/users/${holder}/cards/${card.cardId}/unblock`)).body.status).toBe('ACTIVE');
      await cardEvent(card.cardId, 'cards.card.unblocked.v1');

      const limits = await call('GET', `/v1/users/${holder}/cards/${card.cardId}/limits`);
      expect(limits).toMatchObject({ status: 200, body: { cardId: card.cardId } });
      for (const value of Object.values(limits.body.limits)) expect(value).toMatch(/^\d+(\.\d{1,2})?$/);
      const updated = await call('PATCH', `/v1/users/${holder}/cards/${card.cardId}/limits`, { body: { limits: { dailyTrxAll: '150.50' } } });
      expect(updated).toMatchObject({ status: 200, body: { limits: { dailyTrxAll: '150.50' } } });
      await cardEvent(card.cardId, 'cards.card.limits-updated.v1');
      expect((await call('GET', `/v1/users/${holder}/cards/${card.cardId}/limits`)).body.limits.dailyTrxAll).toBe('150.50');

      const tooHigh = await call('PATCH', `/v1/users/${holder}/cards/${card.cardId}/limits`, { body: { limits: { monthlyTrxAtm: '999999999' } } });
      expect(tooHigh).toMatchObject({ status: 400, body: { error: { code: 'CARD_LIMIT_ABOVE_MAXIMUM', details: { field: 'limits.monthlyTrxAtm' } } } });
    });

    it('publishes a sandbox card transaction on cards.events', async () => {
      const payment = await sandbox('POST', `/admin/cards/${card.cardId}/transactions`, { amount: '12.50', merchantName: 'Corner Bakery', channel: 'POS' });
      expect(payment.status).toBe(201);
      const event = await events.waitFor((m) => m.headers[MessageHeaders.type] === 'cards.transaction.v1' && (m.value as { transactionId?: string }).transactionId === payment.body.transactionId, 30_000);
      expect(event.key).toBe(card.cardId);
      expect(event.value).toMatchObject({ cardId: card.cardId, merchantName: 'Corner Bakery', amount: expect.stringMatching(/^12\.50?$/), currency: 'eur', status: payment.body.status });
    });

    it('hands the 3-D Secure and activation codes, sealed, to the consumer of cards.secure-codes', async () => {
      const opener = OneTimeCodeSealer.fromConfig(DEV_SECRETS.secureCodeKeys!);
      for (const [path, kind, body] of [['3ds-code', '3ds', { amount: '49.99', merchantName: 'Web Shop' }], ['activation-code', 'activation', undefined]] as const) {
        const sent = await sandbox('POST', `/admin/cards/${card.cardId}/${path}`, body);
        expect(sent.status).toBe(202);
        issued.codes.push(sent.body.code);
        const message = await events.waitFor(
          (m) => m.topic === 'cards.secure-codes' && (m.value as SecureCodeEvent).kind === kind && opener.open((m.value as SecureCodeEvent).sealedCode) === sent.body.code,
          30_000,
        );
        const code = message.value as SecureCodeEvent;
        expect({ key: message.key, cardId: code.cardId, externalUserId: code.externalUserId }).toEqual({ key: card.cardId, cardId: card.cardId, externalUserId: holder });
        expect(Date.parse(code.expiresAt)).toBeGreaterThan(Date.now());
        expect(JSON.stringify(code)).not.toContain(sent.body.code);
      }
    });

    it('deletes the card for good', async () => {
      expect((await call('DELETE', `/v1/users/${holder}/cards/${card.cardId}`)).body.status).toBe('DELETED');
      await cardEvent(card.cardId, 'cards.card.deleted.v1');
      expect((await call('GET', `/v1/users/${holder}/cards`)).body.cards).toEqual([]);
      expect((await call('POST', `/v1/users/${holder}/cards/${card.cardId}/unblock`)).body.error.code).toBe('CARD_NOT_FOUND');
      expect((await call('GET', `/v1/users/${holder}/cards/${card.cardId}/secrets`)).body.error.code).toBe('CARD_NOT_FOUND');
    });

    it('refuses a user with active cards its suspension (P100 P454), with a stable code', async () => {
      const owner = await activeUser('owner');
      expect((await call('POST', `/v1/users/${owner}/cards`, { body: { label: 'Daily', pin: '3951' }, idempotencyKey: randomUUID() })).status).toBe(201);
      issued.pins.push('3951');
      const refused = await call('POST', `/v1/users/${owner}/suspension`);
      expect(refused).toMatchObject({ status: 409, body: { error: { code: 'USER_HAS_ACTIVE_CARDS' } } });
      const list = await call('GET', `/v1/users/${owner}/cards`);
      const revealed = await call('GET', `/v1/users/${owner}/cards/${list.body.cards[0].cardId}/secrets`);
      issued.pans.push(revealed.body.cardNumber);
      issued.cvvs.push(revealed.body.cvv);
    });
  });

  // After everything above: the PANs, CVVs and PINs the sandbox issued, and the one-time codes,
  // are in no table of any schema (the sandbox's own excepted: it plays P100), in no message on
  // any topic, and in no service's log. A bare 3- or 4-digit value would match digits anywhere
  // (timestamps, ids), so CVVs and PINs are looked for next to a field name, and PANs as they are.
  it('leaves no card number, CVV, PIN or one-time code in any table, topic or log', async () => {
    expect(issued.pans.length).toBeGreaterThanOrEqual(2);
    expect(issued.codes).toHaveLength(2);
    const patterns = [
      ...issued.pans.map((pan) => ({ what: 'PAN', regex: pan })),
      ...issued.codes.map((code) => ({ what: 'one-time code', regex: `(code|otp)\\W{0,6}${code}` })),
      ...issued.cvvs.map((cvv) => ({ what: 'CVV', regex: `(cvv|cvc|security.?code)\\W{0,6}${cvv}` })),
      ...issued.pins.map((pin) => ({ what: 'PIN', regex: `pin\\W{0,6}${pin}` })),
    ];
    const found = (text: string) => patterns.filter((p) => new RegExp(p.regex, 'i').test(text)).map((p) => p.what);
    // The scan can fail: each pattern finds its value the way a leak would write it, in JSON and
    // in Postgres's own regex matching.
    const leak = JSON.stringify({ cardNumber: issued.pans[0], cvv: issued.cvvs[0], pin: issued.pins[0], code: issued.codes[0] });
    expect(new Set(found(leak))).toEqual(new Set(['PAN', 'CVV', 'PIN', 'one-time code']));
    for (const { regex } of patterns.slice(0, 1)) expect((await db.query(`SELECT $2::text ~* $1 AS hit`, [regex, leak])).rows[0].hit).toBe(true);

    const { rows: columns } = await db.query(
      `SELECT table_schema, table_name, column_name FROM information_schema.columns
        WHERE table_schema IN ('gateway', 'onboarding', 'payments', 'cards', 'webhook_ingest')
          AND data_type IN ('text', 'jsonb', 'json', 'character varying', 'bytea')`,
    );
    expect(columns.length).toBeGreaterThan(20);
    const tableHits: string[] = [];
    for (const { table_schema: schema, table_name: table, column_name: column } of columns) {
      for (const { what, regex } of patterns) {
        const { rows } = await db.query(`SELECT 1 FROM "${schema}"."${table}" WHERE "${column}"::text ~* $1 LIMIT 1`, [regex]);
        if (rows.length > 0) tableHits.push(`${what} in ${schema}.${table}.${column}`);
      }
    }
    expect(tableHits).toEqual([]);

    const everything = await KafkaTestConsumer.start(allTopicNames().map((t) => t.name), { fromBeginning: true });
    try {
      await eventually(async () => everything.messages.length, (n) => n > 50, 30_000);
      await new Promise((r) => setTimeout(r, 2_000));
      const topicHits = everything.messages.flatMap((m) => found(`${m.key} ${JSON.stringify(m.headers)} ${JSON.stringify(m.value)}`).map((what) => `${what} on ${m.topic}`));
      expect(topicHits).toEqual([]);
      // The commands that carry a PIN never took Kafka at all.
      expect(everything.messages.filter((m) => /"pin"\s*:/.test(JSON.stringify(m.value))).map((m) => m.topic)).toEqual([]);
    } finally {
      await everything.stop();
    }

    const logs = capturedLogs();
    expect(logs.length).toBeGreaterThan(0);
    expect([...issued.pans, ...issued.codes, ...Object.values(DEV_SECRETS)].filter((secret) => logs.includes(secret))).toEqual([]);
    expect(found(logs)).toEqual([]);
  });
});
