import { randomBytes, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { MessageHeaders, PAYMENTS_COMMANDS_TOPIC, PaymentsCommands, type MovementView } from '@platform/contracts';
import { CommandBus } from '@platform/kafka';
import { runWithCorrelation } from '@platform/logging';
import { kafkaTestSettings, testEnv } from '@platform/testing';
import { api, BASE_PORT, eventually, KafkaTestConsumer, newUser, pngFile, startPlatform, type Platform } from './platform.harness';

jest.setTimeout(240_000);

/**
 * Issue 10's flows through every hop: gateway → Kafka → payments → P100 sandbox → webhook-ingest →
 * Kafka → payments → settlement event on payments.events. Its own platform (ports BASE_PORT+25):
 * rate locks last 5 s here, so "used after expiry" takes seconds, and P100 calls time out after 2 s,
 * so "P100 accepted, the answer was lost" does too.
 */
const PORT = BASE_PORT + 25;
const GATEWAY = `http://127.0.0.1:${PORT}`;
const SANDBOX = `http://127.0.0.1:${PORT + 100}`;
const LOCK_TTL_MS = 5_000;
const P100_TIMEOUT_MS = 2_000;
const ENV = {
  P100_SANDBOX_EXCHANGE_LOCK_TTL_MS: String(LOCK_TTL_MS),
  PAYMENTS_RATE_LOCK_MARGIN_MS: '1000',
  P100_TIMEOUT_MS: String(P100_TIMEOUT_MS),
};
/** The KYC name of newUser(): incoming SEPA must come from the account holder. */
const HOLDER = 'Jan Kowalski';
const HOLDER_IBAN = 'DE89370400440532013000';
const OTHER_IBAN = 'FR1420041010050500013M02606';
const ETH_ADDRESS = `0x${'5a'.repeat(20)}`;

const uid = (label: string) => `pay-${label}-${randomBytes(4).toString('hex')}`;
/** A German IBAN no one has used (valid mod-97 check digits): on nobody's SEPA contact list, whatever earlier runs left in the sandbox. */
const freshIban = () => {
  const bban = Array.from(randomBytes(18), (b) => String(b % 10)).join('');
  const check = 98n - (BigInt(`${bban}131400`) % 97n);
  return `DE${String(check).padStart(2, '0')}${bban}`;
};
const key = () => randomUUID();
/** Decimal strings compared as numbers written the same way ("10.50" = "10.5"); never through a float. */
const dec = (value: string) => {
  const [int, frac = ''] = value.replace(/^-/, '').split('.');
  const digits = `${int!.replace(/^0+(?=\d)/, '')}${frac.replace(/0+$/, '') ? `.${frac.replace(/0+$/, '')}` : ''}`;
  return value.startsWith('-') && digits !== '0' ? `-${digits}` : digits;
};

describe('payments through every hop, settled exactly once, with a shadow ledger that matches P100', () => {
  let platform: Platform;
  let events: KafkaTestConsumer;
  let db: Client;
  let bus: CommandBus;

  const call = (method: string, path: string, init: { body?: unknown; idempotencyKey?: string; correlationId?: string } = {}) =>
    api(method, path, {
      base: GATEWAY,
      body: init.body,
      headers: { ...(init.idempotencyKey ? { 'idempotency-key': init.idempotencyKey } : {}), ...(init.correlationId ? { 'x-correlation-id': init.correlationId } : {}) },
    });
  const sandbox = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${SANDBOX}${path}`, { method, headers: body ? { 'content-type': 'application/json' } : {}, body: body ? JSON.stringify(body) : undefined });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  };
  /** Requests that reached P100 for `path` with this correlation id (the sandbox's request log). */
  const p100Calls = async (correlationId: string, method: string, path: string) => {
    const { body } = await sandbox('GET', `/admin/requests?correlationId=${correlationId}`);
    return (body.requests as Array<{ method: string; path: string }>).filter((r) => r.method === method && r.path === path).length;
  };
  const settled = (movementId: string, type: string) =>
    events.waitFor((m) => m.headers[MessageHeaders.type] === type && (m.value as MovementView).movementId === movementId, 30_000);
  const ledger = async (user: string) => {
    const res = await call('GET', `/v1/users/${user}/ledger`);
    expect(res.status).toBe(200);
    return Object.fromEntries((res.body.balances as Array<{ currency: string; posted: string; pending: string; available: string }>).map((b) => [b.currency, b]));
  };
  /** What P100 holds for the user, per currency, as exact decimal strings. */
  const p100Balances = async (user: string) => {
    const res = await call('GET', `/v1/users/${user}/balances`);
    expect(res.status).toBe(200);
    return Object.fromEntries([...res.body.fiat, ...res.body.crypto].map((b: { currency: string; amount: string }) => [b.currency, dec(b.amount)]));
  };
  /** Every currency the ledger knows equals P100's balance once nothing is under way. */
  const expectLedgerMatchesP100 = async (user: string) => {
    const [ours, theirs] = await Promise.all([ledger(user), p100Balances(user)]);
    for (const [currency, balance] of Object.entries(ours)) {
      expect({ currency, posted: dec(balance.posted), pending: dec(balance.pending) }).toEqual({ currency, posted: theirs[currency] ?? '0', pending: theirs[currency] ?? '0' });
    }
  };

  /** Every user this spec created: the reconciliation test checks them all. */
  const users: string[] = [];

  async function activeUser(label: string): Promise<string> {
    const externalUserId = uid(label);
    users.push(externalUserId);
    expect((await call('POST', '/v1/users', { body: newUser(externalUserId) })).status).toBe(201);
    const form = new FormData();
    form.append('files', pngFile('id.png'));
    expect((await api('POST', `/v1/users/${externalUserId}/kyc-files`, { base: GATEWAY, form })).status).toBe(202);
    expect((await call('POST', `/v1/users/${externalUserId}/verification`)).status).toBe(202);
    await eventually(() => call('GET', `/v1/users/${externalUserId}`), (r) => r.body?.status === 'ACTIVE');
    return externalUserId;
  }

  /** An incoming SEPA transfer from the holder's own bank account: credited, and the IBAN whitelisted. */
  async function fundEur(user: string, amount: string): Promise<MovementView> {
    // The reference P100 gave the user, as the bank transfer's title: it whitelists the sender's IBAN.
    const info = await call('GET', `/v1/users/${user}/sepa/deposit-info`);
    expect(info.status).toBe(200);
    const deposit = await sandbox('POST', '/admin/sepa/deposits', { externalUserId: user, amount, senderName: HOLDER, senderIban: HOLDER_IBAN, title: info.body.title });
    expect(deposit.status).toBe(201);
    const event = await events.waitFor((m) => m.headers[MessageHeaders.type] === 'payments.sepa-deposit.received.v1' && m.key === user && (m.value as MovementView).p100Id === deposit.body.id, 30_000);
    return event.value as MovementView;
  }

  async function depositCrypto(user: string, currency: string, amount: string): Promise<string> {
    const deposit = await sandbox('POST', '/admin/crypto/deposits', { externalUserId: user, currency, amount });
    expect(deposit.status).toBe(201);
    return deposit.body.cryptoDepositId as string;
  }

  beforeAll(async () => {
    platform = await startPlatform({ basePort: PORT, env: ENV });
    events = await KafkaTestConsumer.start(['payments.events']);
    db = new Client({ connectionString: testEnv().databaseUrl });
    await db.connect();
    bus = new CommandBus(kafkaTestSettings(), `payments-e2e-${randomBytes(3).toString('hex')}`, [PAYMENTS_COMMANDS_TOPIC], 20_000);
    await bus.connect();
  });

  afterAll(async () => {
    await bus?.close();
    await events?.stop();
    await db?.end();
    await platform?.stop();
  });

  it('credits an incoming SEPA deposit from its webhook: event and ledger, matching P100', async () => {
    const user = await activeUser('sepa-in');
    const deposit = await fundEur(user, '250.00');
    expect(deposit).toMatchObject({ kind: 'sepa-deposit', externalUserId: user, status: 'COMPLETED', currency: 'eur', counterparty: HOLDER_IBAN });
    expect(dec(deposit.amount)).toBe('250');
    expect(dec((await ledger(user)).eur!.posted)).toBe('250');
    await expectLedgerMatchesP100(user);
  });

  describe('exchange', () => {
    let user: string;
    beforeAll(async () => {
      user = await activeUser('fx');
      await fundEur(user, '1000.00');
    });

    it('quotes, locks and executes with the lock; the completed event carries the net amount and the ledger matches P100', async () => {
      const rates = await call('GET', `/v1/users/${user}/exchange/rates`);
      expect(rates.status).toBe(200);
      expect(rates.body.rates).toEqual(expect.arrayContaining([expect.objectContaining({ currency: 'btc', rateEur: expect.stringMatching(/^\d+(\.\d+)?$/) })]));

      const lock = await call('POST', `/v1/users/${user}/exchange/locks`);
      expect(lock).toMatchObject({ status: 201, body: { lockId: expect.any(String), feePercentage: expect.any(String) } });
      expect(Date.parse(lock.body.expiresAt) - Date.now()).toBeGreaterThan(0);

      const executed = await call('POST', `/v1/users/${user}/exchanges`, {
        idempotencyKey: key(),
        body: { lockId: lock.body.lockId, amount: '100.00', currencyFrom: 'eur', currencyTo: 'btc' },
      });
      expect(executed).toMatchObject({ status: 202, body: { kind: 'exchange', status: 'PENDING', amount: '100.00', currency: 'eur', currencyTo: 'btc', p100Id: expect.any(String) } });

      const completed = (await settled(executed.body.movementId, 'payments.exchange.completed.v1')).value as MovementView;
      expect(completed).toMatchObject({ status: 'COMPLETED', amountTo: expect.stringMatching(/^\d+\.\d+$/), fee: expect.any(String), feeCurrency: 'btc' });
      const read = await call('GET', `/v1/users/${user}/movements/${executed.body.movementId}`);
      expect(read.body).toMatchObject({ status: 'COMPLETED', amountTo: completed.amountTo });

      const balances = await ledger(user);
      expect(dec(balances.eur!.posted)).toBe('900');
      expect(dec(balances.btc!.posted)).toBe(dec(completed.amountTo!));
      await expectLedgerMatchesP100(user);
    });

    it('refuses a lock used twice, and a lock past its expiry, before P100 is called', async () => {
      const lock = await call('POST', `/v1/users/${user}/exchange/locks`);
      const body = { lockId: lock.body.lockId, amount: '1.00', currencyFrom: 'eur', currencyTo: 'eth' };
      const first = await call('POST', `/v1/users/${user}/exchanges`, { idempotencyKey: key(), body });
      expect(first.status).toBe(202);
      await settled(first.body.movementId, 'payments.exchange.completed.v1');

      const again = `corr-${randomBytes(6).toString('hex')}`;
      const reused = await call('POST', `/v1/users/${user}/exchanges`, { idempotencyKey: key(), body, correlationId: again });
      expect(reused).toMatchObject({ status: 409, body: { error: { code: 'RATE_LOCK_USED', details: { field: 'lockId' } } } });
      expect(await p100Calls(again, 'POST', '/v1/exchange')).toBe(0);

      const late = await call('POST', `/v1/users/${user}/exchange/locks`);
      // Wait out the lock (P100's validUntil; the platform keeps a 1 s margin for the call).
      await new Promise((r) => setTimeout(r, Date.parse(late.body.expiresAt) - Date.now() + 100));
      const tooLate = `corr-${randomBytes(6).toString('hex')}`;
      const expired = await call('POST', `/v1/users/${user}/exchanges`, { idempotencyKey: key(), body: { ...body, lockId: late.body.lockId }, correlationId: tooLate });
      expect(expired).toMatchObject({ status: 409, body: { error: { code: 'RATE_LOCK_EXPIRED' } } });
      expect(await p100Calls(tooLate, 'POST', '/v1/exchange')).toBe(0);
    });

    it('reports insufficient funds decided during processing as a failed event with P100\'s reason, and no ledger change', async () => {
      const before = await ledger(user);
      const lock = await call('POST', `/v1/users/${user}/exchange/locks`);
      const executed = await call('POST', `/v1/users/${user}/exchanges`, { idempotencyKey: key(), body: { lockId: lock.body.lockId, amount: '50000.00', currencyFrom: 'eur', currencyTo: 'btc' } });
      expect(executed).toMatchObject({ status: 202, body: { status: 'PENDING' } });
      const failed = (await settled(executed.body.movementId, 'payments.exchange.failed.v1')).value as MovementView;
      expect(failed).toMatchObject({ status: 'FAILED', failureCode: 'INSUFFICIENT_FUNDS', failureReason: expect.stringMatching(/insufficient/i) });
      const after = await ledger(user);
      expect(dec(after.eur!.posted)).toBe(dec(before.eur!.posted));
      expect(dec(after.eur!.pending)).toBe(dec(before.eur!.posted));
    });
  });

  describe('internal transfers and idempotency', () => {
    let user: string;
    beforeAll(async () => {
      user = await activeUser('tr');
      await fundEur(user, '100.00');
    });

    it('moves money to the partner and back, each settled by its webhook', async () => {
      const toPartner = await call('POST', `/v1/users/${user}/transfers/to-partner`, { idempotencyKey: key(), body: { amount: '30.00', currency: 'eur' } });
      expect(toPartner).toMatchObject({ status: 202, body: { kind: 'transfer-to-partner', status: 'PENDING' } });
      await settled(toPartner.body.movementId, 'payments.transfer.completed.v1');
      const fromPartner = await call('POST', `/v1/users/${user}/transfers/from-partner`, { idempotencyKey: key(), body: { amount: '12.50', currency: 'eur' } });
      expect(fromPartner).toMatchObject({ status: 202, body: { kind: 'transfer-from-partner' } });
      await settled(fromPartner.body.movementId, 'payments.transfer.completed.v1');
      expect(dec((await ledger(user)).eur!.posted)).toBe('82.5');
      await expectLedgerMatchesP100(user);
    });

    it('makes one P100 call for the same request sent 10 times at once with one Idempotency-Key', async () => {
      const idempotencyKey = key();
      const correlationId = `corr-${randomBytes(6).toString('hex')}`;
      const answers = await Promise.all(
        Array.from({ length: 10 }, () => call('POST', `/v1/users/${user}/transfers/to-partner`, { idempotencyKey, correlationId, body: { amount: '1.00', currency: 'eur' } })),
      );
      // The first runs; the others are told it is in progress or, once it has answered, get its answer.
      for (const a of answers) expect([202, 409]).toContain(a.status);
      const movementIds = new Set(answers.filter((a) => a.status === 202).map((a) => a.body.movementId));
      expect(movementIds.size).toBe(1);
      const replay = await call('POST', `/v1/users/${user}/transfers/to-partner`, { idempotencyKey, body: { amount: '1.00', currency: 'eur' } });
      expect(replay).toMatchObject({ status: 202, body: { movementId: [...movementIds][0] } });
      expect(await p100Calls(correlationId, 'POST', '/v1/transfer')).toBe(1);
    });

    it('makes one P100 call when the same command reaches payments twice (a Kafka redelivery)', async () => {
      const correlationId = `corr-${randomBytes(6).toString('hex')}`;
      const command = { externalUserId: user, amount: '2.00', currency: 'eur', requestId: `e2e:${key()}` };
      const send = () => runWithCorrelation(correlationId, () => bus.request<MovementView>(PAYMENTS_COMMANDS_TOPIC, PaymentsCommands.transferToPartner.type, command, { key: user }));
      const first = await send();
      const second = await send();
      expect(second.movementId).toBe(first.movementId);
      expect(await p100Calls(correlationId, 'POST', '/v1/transfer')).toBe(1);
    });

    it('settles a transfer whose webhook P100 never delivers by reading its details (the poller)', async () => {
      // Its own user, so that no other transfer's webhook is the one dropped.
      const payee = await activeUser('tr-drop');
      expect((await sandbox('PUT', '/admin/webhooks/drops/internal-transfer', { count: 1, externalUserId: payee })).status).toBe(200);
      const transfer = await call('POST', `/v1/users/${payee}/transfers/from-partner`, { idempotencyKey: key(), body: { amount: '3.00', currency: 'eur' } });
      expect(transfer.status).toBe(202);
      const completed = (await settled(transfer.body.movementId, 'payments.transfer.completed.v1')).value as MovementView;
      expect(completed.status).toBe('COMPLETED');
      const { rows } = await db.query(`SELECT to_status, source FROM payments.movement_transitions WHERE movement_id = $1 ORDER BY id`, [transfer.body.movementId]);
      expect(rows).toEqual([
        { to_status: 'REQUESTED', source: 'request' },
        { to_status: 'PENDING', source: 'request' },
        { to_status: 'COMPLETED', source: 'poll' },
      ]);
      const deliveries = await sandbox('GET', '/admin/webhooks/deliveries?event=internal-transfer&status=dropped&limit=100');
      expect(JSON.stringify(deliveries.body)).toContain(completed.p100Id!);
    });
  });

  describe('outgoing SEPA', () => {
    it('pays out to the holder\'s own (whitelisted) IBAN with P100\'s fee, and fails a payout elsewhere with P100\'s reason', async () => {
      const user = await activeUser('sepa-out');
      await fundEur(user, '500.00');
      const contacts = await call('GET', `/v1/users/${user}/sepa/contacts`);
      expect(contacts.body.contacts).toEqual([expect.objectContaining({ iban: HOLDER_IBAN })]);
      const info = await call('GET', `/v1/users/${user}/sepa/deposit-info`);
      expect(info).toMatchObject({ status: 200, body: { iban: expect.stringMatching(/^LT\d+/), title: expect.any(String) } });

      const paid = await call('POST', `/v1/users/${user}/sepa-transfers`, { idempotencyKey: key(), body: { amount: '100.00', destinationIban: 'de89 3704 0044 0532 0130 00', transferTitle: 'rent' } });
      expect(paid).toMatchObject({ status: 202, body: { kind: 'sepa-transfer', counterparty: HOLDER_IBAN } });
      const completed = (await settled(paid.body.movementId, 'payments.sepa-transfer.completed.v1')).value as MovementView;
      // P100's fee: 0.1 %, at least €1.00 (reference.md, Fees).
      expect(completed).toMatchObject({ feeCurrency: 'eur' });
      expect(dec(completed.fee!)).toBe('1');

      const refused = await call('POST', `/v1/users/${user}/sepa-transfers`, { idempotencyKey: key(), body: { amount: '10.00', destinationIban: OTHER_IBAN, transferTitle: 'elsewhere' } });
      expect(refused.status).toBe(202);
      const failed = (await settled(refused.body.movementId, 'payments.sepa-transfer.failed.v1')).value as MovementView;
      expect(failed.failureReason).toMatch(/destination-not-allowed/);

      expect(dec((await ledger(user)).eur!.posted)).toBe('399');
      await expectLedgerMatchesP100(user);
    });

    it('refuses a mistyped IBAN at the gateway, naming the field, before anything reaches payments', async () => {
      const res = await call('POST', `/v1/users/${uid('x')}/sepa-transfers`, { idempotencyKey: key(), body: { amount: '1.00', destinationIban: 'DE89370400440532013001', transferTitle: 'x' } });
      expect(res).toMatchObject({ status: 400, body: { error: { code: 'INVALID_IBAN', details: { field: 'destinationIban' } } } });
    });
  });

  describe('crypto', () => {
    let user: string;
    beforeAll(async () => {
      user = await activeUser('crypto');
    });

    it('credits a small deposit, then withdraws with the service and network fees deducted', async () => {
      const depositId = await depositCrypto(user, 'eth', '0.1');
      await events.waitFor((m) => m.headers[MessageHeaders.type] === 'payments.crypto-deposit.received.v1' && (m.value as MovementView).p100Id === depositId, 30_000);
      const fee = await call('GET', '/v1/crypto/network-fee?currency=eth');
      expect(fee).toMatchObject({ status: 200, body: { currency: 'eth', network: 'ethereum', networkFee: expect.stringMatching(/^\d/) } });

      const withdrawal = await call('POST', `/v1/users/${user}/crypto-withdrawals`, {
        idempotencyKey: key(),
        body: { currency: 'eth', amount: '0.01', walletAddress: ETH_ADDRESS, recipientName: 'Jan Kowalski', walletType: 'NON_CUSTODIAL', receiverType: 'NATURAL' },
      });
      expect(withdrawal).toMatchObject({ status: 202, body: { kind: 'crypto-withdrawal', status: 'PENDING' } });
      const completed = (await settled(withdrawal.body.movementId, 'payments.crypto-withdrawal.completed.v1')).value as MovementView;
      expect(completed).toMatchObject({ transactionHash: expect.any(String), fee: expect.any(String), feeCurrency: 'eth' });
      expect(dec(completed.fee!)).not.toBe('0');
      await expectLedgerMatchesP100(user);
    });

    it('holds a large deposit for travel-rule data, publishes that, and credits it once the data is submitted', async () => {
      const depositId = await depositCrypto(user, 'btc', '1');
      const held = (await events.waitFor((m) => m.headers[MessageHeaders.type] === 'payments.crypto-deposit.travel-rule-required.v1' && (m.value as MovementView).p100Id === depositId, 30_000)).value as MovementView;
      expect(held).toMatchObject({ kind: 'crypto-deposit', status: 'HELD', externalUserId: user });
      const submitted = await call('PUT', `/v1/users/${user}/crypto-deposits/${held.movementId}/travel-rule`, {
        idempotencyKey: key(),
        body: { senderName: 'Anna Nowak', walletType: 'CUSTODIAL', senderType: 'NATURAL' },
      });
      expect(submitted).toMatchObject({ status: 202, body: { status: 'PROCESSING' } });
      await settled(held.movementId, 'payments.crypto-deposit.received.v1');
      await expectLedgerMatchesP100(user);
    });

    it('ends a withdrawal whose answer P100 never sent (timeout after acceptance) in exactly one withdrawal', async () => {
      // P100 takes the withdrawal, then answers after our client gave up.
      expect((await sandbox('PUT', '/admin/faults/crypto', { answerLatencyMs: P100_TIMEOUT_MS * 2, count: 1 })).status).toBe(200);
      const correlationId = `corr-${randomBytes(6).toString('hex')}`;
      const idempotencyKey = key();
      const body = { currency: 'eth', amount: '0.002', walletAddress: `0x${'6b'.repeat(20)}`, recipientName: 'Jan Kowalski', walletType: 'NON_CUSTODIAL', receiverType: 'NATURAL' };
      const first = await call('POST', `/v1/users/${user}/crypto-withdrawals`, { idempotencyKey, body, correlationId });
      // UNKNOWN, unless P100's webhooks (which come before its late answer) already settled it.
      expect(first.status).toBe(202);
      expect(['UNKNOWN', 'PROCESSING', 'COMPLETED']).toContain(first.body.status);
      // A retry with the same key gets the movement as it is: P100 is not asked again.
      const retry = await call('POST', `/v1/users/${user}/crypto-withdrawals`, { idempotencyKey, body, correlationId });
      expect(retry).toMatchObject({ status: 202, body: { movementId: first.body.movementId } });

      const completed = (await settled(first.body.movementId, 'payments.crypto-withdrawal.completed.v1')).value as MovementView;
      expect(completed.p100Id).toEqual(expect.any(String));
      expect(await p100Calls(correlationId, 'POST', '/v1/crypto-withdrawal')).toBe(1);
      // The request never learnt P100's id (its answer was lost): a webhook claimed the movement by its terms.
      const { rows } = await db.query(`SELECT to_status, source FROM payments.movement_transitions WHERE movement_id = $1 ORDER BY id`, [first.body.movementId]);
      expect(rows.filter((r) => r.source === 'request').map((r) => r.to_status)).not.toContain('PENDING');
      expect(rows.at(-1)).toEqual({ to_status: 'COMPLETED', source: 'webhook' });
      await expectLedgerMatchesP100(user);
    });
  });

  describe('orders and payment links', () => {
    /** The partner's posted EUR as the gateway answers it ("0" before its first movement). */
    const partnerEur = async () => {
      const res = await call('GET', '/v1/partner/ledger');
      expect(res).toMatchObject({ status: 200, body: { externalUserId: null } });
      return (res.body.balances as Array<{ currency: string; posted: string }>).find((b) => b.currency === 'eur')?.posted ?? '0';
    };
    /** a + b, exactly (Postgres numeric), written as dec() writes it. */
    const plus = async (a: string, b: string) => dec((await db.query(`SELECT trim_scale($1::numeric + $2::numeric)::text AS sum`, [a, b])).rows[0].sum);

    beforeAll(async () => {
      // The transfers above move the partner's EUR too; each delta below is ours alone once none is under way.
      await eventually(
        () => db.query(`SELECT count(*)::int AS n FROM payments.ledger_entries WHERE account = 'partner' AND state = 'pending'`),
        (r) => r.rows[0].n === 0,
      );
    });

    it('quotes, locks and creates an order; the payer pays the address P100 assigned; the partner is credited the locked EUR', async () => {
      const rates = await call('GET', '/v1/partner/orders/rates');
      expect(rates.status).toBe(200);
      expect(rates.body.rates).toEqual(expect.arrayContaining([expect.objectContaining({ currency: 'usdc', rateEur: expect.stringMatching(/^\d+(\.\d+)?$/) })]));

      const lock = await call('POST', '/v1/partner/orders/locks', { body: { currency: 'USDC', amount: '100.00', network: 'polygon' } });
      expect(lock).toMatchObject({ status: 201, body: { lockId: expect.any(String), currency: 'usdc', network: 'polygon', amountEur: '100.00', amount: expect.stringMatching(/^\d+\.\d{1,6}$/) } });
      expect(Date.parse(lock.body.expiresAt) - Date.now()).toBeGreaterThan(0);
      const before = await partnerEur();

      const created = await call('POST', '/v1/partner/orders', { idempotencyKey: key(), body: { lockId: lock.body.lockId } });
      expect(created).toMatchObject({
        status: 202,
        body: { kind: 'order', externalUserId: null, status: 'PENDING', currency: 'usdc', amountTo: '100.00', currencyTo: 'eur', p100Id: expect.any(String) },
      });
      expect(dec(created.body.amount)).toBe(dec(lock.body.amount));
      // The partner shows the payer where to pay once P100 assigned the address (the order stays PENDING).
      const waiting = await eventually(() => call('GET', `/v1/partner/movements/${created.body.movementId}`), (r) => typeof r.body?.counterparty === 'string');
      expect(waiting.body).toMatchObject({ status: 'PENDING', counterparty: expect.stringMatching(/^0x[0-9a-fA-F]{40}$/) });

      const paid = await sandbox('POST', `/admin/orders/${created.body.p100Id}/payment`, {});
      expect(paid).toMatchObject({ status: 200, body: { status: 'WAITING_FOR_CONFIRMATION', walletAddress: waiting.body.counterparty } });
      const completed = (await settled(created.body.movementId, 'payments.order.completed.v1')).value as MovementView;
      expect(completed).toMatchObject({ status: 'COMPLETED', externalUserId: null, amountTo: '100.00', counterparty: waiting.body.counterparty, transactionHash: paid.body.transactionHash });

      expect(dec(await partnerEur())).toBe(await plus(before, '100.00'));
      const { rows } = await db.query(`SELECT account, currency, amount::text AS amount, state FROM payments.ledger_entries WHERE movement_id = $1`, [created.body.movementId]);
      expect(rows).toEqual([{ account: 'partner', currency: 'eur', amount: '100.00', state: 'posted' }]);
      // A partner's movement is nobody's under a user path.
      expect((await call('GET', `/v1/users/${uid('x')}/movements/${created.body.movementId}`)).body).toMatchObject({ error: { code: 'MOVEMENT_NOT_FOUND' } });
    });

    it('refuses an order lock used twice, and one never handed out, before P100 is called', async () => {
      const lock = await call('POST', '/v1/partner/orders/locks', { body: { currency: 'btc', amount: '25.00' } });
      expect(lock).toMatchObject({ status: 201, body: { network: 'btc' } });
      const first = await call('POST', '/v1/partner/orders', { idempotencyKey: key(), body: { lockId: lock.body.lockId } });
      expect(first).toMatchObject({ status: 202, body: { kind: 'order', currency: 'btc' } });

      const again = `corr-${randomBytes(6).toString('hex')}`;
      const reused = await call('POST', '/v1/partner/orders', { idempotencyKey: key(), body: { lockId: lock.body.lockId }, correlationId: again });
      expect(reused).toMatchObject({ status: 409, body: { error: { code: 'RATE_LOCK_USED', details: { field: 'lockId' } } } });
      expect(await p100Calls(again, 'POST', '/v1/order')).toBe(0);

      const unknown = `corr-${randomBytes(6).toString('hex')}`;
      const never = await call('POST', '/v1/partner/orders', { idempotencyKey: key(), body: { lockId: randomUUID() }, correlationId: unknown });
      expect(never).toMatchObject({ status: 404, body: { error: { code: 'RATE_LOCK_NOT_FOUND' } } });
      expect(await p100Calls(unknown, 'POST', '/v1/order')).toBe(0);
    });

    it('generates a payment link whose payment credits the partner its EUR amount', async () => {
      const before = await partnerEur();
      const link = await call('POST', '/v1/partner/payment-links', {
        idempotencyKey: key(),
        body: { amount: '49.90', description: 'Order #1234', redirectUrl: 'https://shop.example.com/thanks' },
      });
      expect(link).toMatchObject({ status: 202, body: { kind: 'payment-link', externalUserId: null, status: 'PENDING', amount: '49.90', currency: 'eur', url: expect.stringMatching(/\/pay\//) } });
      expect(link.body.url).toContain(link.body.p100Id);

      expect((await sandbox('POST', `/admin/payment-links/${link.body.p100Id}/payment`, { currency: 'usdc' })).status).toBe(200);
      const paid = (await settled(link.body.movementId, 'payments.payment-link.paid.v1')).value as MovementView;
      expect(paid).toMatchObject({ status: 'COMPLETED', p100Status: 'PAID', url: link.body.url });
      expect(dec(await partnerEur())).toBe(await plus(before, '49.90'));
    });

    it('generates a hosted checkout: a /checkout/ page, refused without https for the redirect', async () => {
      const refused = await call('POST', '/v1/partner/hosted-checkouts', { idempotencyKey: key(), body: { amount: '10.00', redirectUrl: 'http://shop.example.com' } });
      expect(refused).toMatchObject({ status: 400, body: { error: { details: { field: 'redirectUrl' } } } });

      const checkout = await call('POST', '/v1/partner/hosted-checkouts', { idempotencyKey: key(), body: { amount: '10.00' } });
      expect(checkout).toMatchObject({ status: 202, body: { kind: 'payment-link', status: 'PENDING', url: expect.stringMatching(/\/checkout\//) } });
      const read = await call('GET', `/v1/partner/movements/${checkout.body.movementId}`);
      expect(read).toMatchObject({ status: 200, body: { movementId: checkout.body.movementId, url: checkout.body.url } });
    });
  });

  describe('the partner account', () => {
    it('reads the partner balances and a month of its history, and asks P100 for a wallet once per Idempotency-Key', async () => {
      const balances = await call('GET', '/v1/partner/balances');
      expect(balances.status).toBe(200);
      expect(balances.body.balances).toEqual(expect.arrayContaining([expect.objectContaining({ currency: 'eur', amount: expect.stringMatching(/^-?\d+(\.\d+)?$/), iban: expect.any(String) })]));

      const now = new Date();
      const history = await call('GET', `/v1/partner/transactions?month=${now.getUTCMonth() + 1}&year=${now.getUTCFullYear()}`);
      expect(history.status).toBe(200);
      // The transfers to the partner earlier in this spec are journaled this month.
      expect(history.body.transactions).toEqual(expect.arrayContaining([expect.objectContaining({ currency: 'eur', amount: expect.any(String) })]));
      const badMonth = await call('GET', '/v1/partner/transactions?month=13&year=2026');
      expect(badMonth).toMatchObject({ status: 400, body: { error: { code: 'VALIDATION_FAILED', details: { field: 'month' } } } });

      const idempotencyKey = key();
      const correlationId = `corr-${randomBytes(6).toString('hex')}`;
      const wallet = await call('POST', '/v1/partner/wallets', { idempotencyKey, correlationId, body: { currency: 'usdt', network: 'polygon' } });
      expect(wallet).toMatchObject({ status: 202, body: { currency: 'usdt', status: 'PENDING' } });
      const again = await call('POST', '/v1/partner/wallets', { idempotencyKey, correlationId, body: { currency: 'usdt', network: 'polygon' } });
      expect(again).toEqual(expect.objectContaining({ status: 202, body: wallet.body }));
      expect(await p100Calls(correlationId, 'POST', '/v1/partner/wallet')).toBe(1);
    });
  });

  describe('the partner\'s own movements', () => {
    /** The partner's ledger per currency as the gateway answers it (absent before its first movement). */
    const partnerLedger = async () => {
      const res = await call('GET', '/v1/partner/ledger');
      expect(res).toMatchObject({ status: 200, body: { externalUserId: null } });
      return Object.fromEntries((res.body.balances as Array<{ currency: string; posted: string; pending: string }>).map((b) => [b.currency, b]));
    };
    const posted = async (currency: string) => (await partnerLedger())[currency]?.posted ?? '0';
    /** a + b, exactly (Postgres numeric), written as dec() writes it. */
    const sum = async (...terms: string[]) => dec((await db.query(`SELECT trim_scale(${terms.map((_, i) => `$${i + 1}::numeric`).join(' + ')})::text AS sum`, terms)).rows[0].sum);
    /** Funds the partner at P100 behind the platform's back: the ledger holds only our movements, so the tests below compare deltas. */
    const credit = async (currency: string, amount: string) => expect((await sandbox('POST', '/admin/ledger/credit', { partner: true, currency, amount })).status).toBe(200);

    beforeAll(async () => {
      // Movements of the partner's from the flows above are settled: the deltas below are ours alone.
      await eventually(
        () => db.query(`SELECT count(*)::int AS n FROM payments.ledger_entries WHERE account = 'partner' AND state = 'pending'`),
        (r) => r.rows[0].n === 0,
      );
    });

    it('exchanges the partner\'s own balance with a partner lock; the ledger moves by the amount and the net amountTo', async () => {
      await credit('eur', '500.00');
      const rates = await call('GET', '/v1/partner/exchange/rates');
      expect(rates.status).toBe(200);
      expect(rates.body.rates).toEqual(expect.arrayContaining([expect.objectContaining({ currency: 'btc', rateEur: expect.stringMatching(/^\d+(\.\d+)?$/) })]));
      const lock = await call('POST', '/v1/partner/exchange/locks');
      expect(lock).toMatchObject({ status: 201, body: { lockId: expect.any(String), feePercentage: expect.any(String) } });
      // A partner lock is the partner's: a user cannot exchange with it.
      const foreign = await call('POST', `/v1/users/${uid('x')}/exchanges`, { idempotencyKey: key(), body: { lockId: lock.body.lockId, amount: '1.00', currencyFrom: 'eur', currencyTo: 'btc' } });
      expect(foreign).toMatchObject({ status: 404, body: { error: { code: 'RATE_LOCK_NOT_FOUND' } } });

      const [eurBefore, btcBefore] = [await posted('eur'), await posted('btc')];
      const executed = await call('POST', '/v1/partner/exchanges', { idempotencyKey: key(), body: { lockId: lock.body.lockId, amount: '100.00', currencyFrom: 'eur', currencyTo: 'btc' } });
      expect(executed).toMatchObject({ status: 202, body: { kind: 'exchange', externalUserId: null, status: 'PENDING', amount: '100.00', currency: 'eur', currencyTo: 'btc', p100Id: expect.any(String) } });
      const completed = (await settled(executed.body.movementId, 'payments.exchange.completed.v1')).value as MovementView;
      expect(completed).toMatchObject({ status: 'COMPLETED', externalUserId: null, amountTo: expect.stringMatching(/^\d+\.\d+$/), feeCurrency: 'btc' });

      const after = await partnerLedger();
      expect(dec(after.eur!.posted)).toBe(await sum(eurBefore, '-100.00'));
      expect(dec(after.btc!.posted)).toBe(await sum(btcBefore, completed.amountTo!));
      const read = await call('GET', `/v1/partner/movements/${executed.body.movementId}`);
      expect(read).toMatchObject({ status: 200, body: { status: 'COMPLETED', amountTo: completed.amountTo } });
    });

    it('pays out SEPA from the partner\'s balance; P100\'s closed loop refuses an IBAN off the partner\'s contact list, with its reason', async () => {
      const info = await call('GET', '/v1/partner/sepa/deposit-info');
      expect(info).toMatchObject({ status: 200, body: { iban: expect.any(String), title: expect.any(String) } });
      const contacts = await call('GET', '/v1/partner/sepa/contacts');
      expect(contacts.status).toBe(200);
      const elsewhere = freshIban();
      expect(contacts.body.contacts).not.toContainEqual(expect.objectContaining({ iban: elsewhere }));

      const before = await posted('eur');
      const refused = await call('POST', '/v1/partner/sepa-transfers', { idempotencyKey: key(), body: { amount: '10.00', destinationIban: elsewhere, transferTitle: 'supplier' } });
      expect(refused).toMatchObject({ status: 202, body: { kind: 'sepa-transfer', externalUserId: null, counterparty: elsewhere, p100Id: expect.any(String) } });
      // Settled by the partner-sepa-transfer webhook.
      const failed = (await settled(refused.body.movementId, 'payments.sepa-transfer.failed.v1')).value as MovementView;
      expect(failed).toMatchObject({ status: 'FAILED', externalUserId: null, failureReason: expect.stringMatching(/destination-not-allowed/) });
      const { rows } = await db.query(`SELECT source FROM payments.movement_transitions WHERE movement_id = $1 AND to_status = 'FAILED'`, [refused.body.movementId]);
      expect(rows).toEqual([{ source: 'webhook' }]);
      const after = await partnerLedger();
      expect({ posted: dec(after.eur!.posted), pending: dec(after.eur!.pending) }).toEqual({ posted: dec(before), pending: dec(before) });
    });

    it('withdraws crypto from the partner\'s balance with the service and network fees deducted', async () => {
      await credit('eth', '0.1');
      const before = await posted('eth');
      const withdrawal = await call('POST', '/v1/partner/crypto-withdrawals', {
        idempotencyKey: key(),
        body: { currency: 'eth', amount: '0.01', walletAddress: ETH_ADDRESS, recipientName: 'Acme Treasury', walletType: 'CUSTODIAL', receiverType: 'LEGAL' },
      });
      expect(withdrawal).toMatchObject({ status: 202, body: { kind: 'crypto-withdrawal', externalUserId: null, status: 'PENDING', counterparty: ETH_ADDRESS } });
      const completed = (await settled(withdrawal.body.movementId, 'payments.crypto-withdrawal.completed.v1')).value as MovementView;
      expect(completed).toMatchObject({ externalUserId: null, transactionHash: expect.any(String), fee: expect.any(String), feeCurrency: 'eth' });
      expect(dec(completed.fee!)).not.toBe('0');
      expect(dec(await posted('eth'))).toBe(await sum(before, '-0.01', `-${completed.fee!}`));
    });
  });

  describe('reconciliation of the shadow ledger with P100', () => {
    it('finds no drift after every flow above, and reports the money P100 shows that the platform never moved', async () => {
      const run = await call('POST', '/v1/partner/reconciliation/runs');
      expect(run.status).toBe(200);
      expect(run.body.accountsChecked).toBeGreaterThan(0);
      expect(run.body.drifts.filter((d: { externalUserId: string }) => users.includes(d.externalUserId))).toEqual([]);

      // Behind the platform's back: P100 credits the user without any movement of ours.
      const user = await activeUser('drift');
      await fundEur(user, '20.00');
      expect((await sandbox('POST', '/admin/ledger/credit', { externalUserId: user, currency: 'eur', amount: '5.25' })).status).toBe(200);
      const found = await call('POST', '/v1/partner/reconciliation/runs');
      const drift = { externalUserId: user, currency: 'eur', ledgerPosted: '20', p100Amount: '25.25', difference: '5.25', resolvedAt: null };
      expect(found.body.drifts.filter((d: { externalUserId: string }) => d.externalUserId === user)).toEqual([expect.objectContaining(drift)]);
      const event = await events.waitFor((m) => m.headers[MessageHeaders.type] === 'payments.reconciliation.drift.v1' && m.key === user, 30_000);
      expect(event.value).toMatchObject(drift);

      // Seen again by the next run, it stays one drift; operators list it.
      await call('POST', '/v1/partner/reconciliation/runs');
      const listed = await call('GET', '/v1/partner/reconciliation/drifts?includeResolved=true&limit=500');
      expect(listed.status).toBe(200);
      expect(listed.body.drifts.filter((d: { externalUserId: string }) => d.externalUserId === user)).toEqual([expect.objectContaining(drift)]);
    });
  });
});
