import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { Kafka, type Producer } from 'kafkajs';
import { DataSource } from 'typeorm';
import { DomainError, MessageHeaders, jsonNumber, webhookMessageType } from '@platform/contracts';
import { CommandBus, kafkaClientConfig, kafkaTopic } from '@platform/kafka';
import type { RecordedP100Event } from '@platform/p100-events';
import { kafkaTestSettings, testEnv, uniqueName } from '@platform/testing';
import { startPayments } from './main';
import { loadPaymentsConfig } from './payments.config';
import { MovementSettlement } from './movements/movement-settlement';
import { MovementsRepository } from './movements/movements.repository';
import { MovementPoller } from './reconciliation/movement-poller';
import { LIST_P100_EVENTS, PAYMENTS_COMMANDS_TOPIC } from './payments.topics';

const EXCHANGE_TOPIC = 'p100.webhooks.exchange';
const EXCHANGE_TYPE = webhookMessageType('exchange');
const SEPA_TOPIC = 'p100.webhooks.sepa';
const SEPA_DEPOSIT_TYPE = webhookMessageType('sepa-deposit');

describe('payments service on real Postgres and a real Kafka-protocol broker', () => {
  let app: INestApplication;
  let baseUrl: string;
  let dataSource: DataSource;
  let producer: Producer;

  const publish = (eventId: string, type: string, key: string, payload: Record<string, unknown>, topic = EXCHANGE_TOPIC) =>
    producer.send({
      topic: kafkaTopic(topic),
      acks: -1,
      messages: [
        {
          key,
          value: JSON.stringify(payload),
          headers: { [MessageHeaders.eventId]: eventId, [MessageHeaders.type]: type, [MessageHeaders.occurredAt]: new Date().toISOString() },
        },
      ],
    });

  const rowsFor = (eventId: string): Promise<Array<{ event_type: string; message_key: string; payload: unknown }>> =>
    dataSource.query('SELECT event_type, message_key, payload FROM p100_events WHERE event_id = $1', [eventId]);

  beforeAll(async () => {
    const env = testEnv();
    const config = loadPaymentsConfig({
      DATABASE_URL: env.databaseUrl,
      KAFKA_BROKERS: env.kafkaBrokers.join(','),
      KAFKA_DEV_BROKER: String(env.devBroker),
      PORT: '0',
      LOG_LEVEL: 'warn',
      // No movement is started here, so P100 is never called; nothing listens on port 9.
      P100_BASE_URL: 'http://127.0.0.1:9',
      P100_API_KEY: 'unused-in-this-test',
    });
    app = await startPayments(config, { groupId: uniqueName('payments-test') });
    baseUrl = await app.getUrl();
    dataSource = app.get(DataSource);

    const settings = kafkaTestSettings();
    // The dev broker reports a controller that does not exist, which breaks idempotent producers.
    producer = new Kafka(kafkaClientConfig(settings)).producer({ idempotent: !settings.devBroker, allowAutoTopicCreation: false });
    await producer.connect();
    // The consumer has joined its group once startPayments resolves; one recorded event proves
    // that messages flow before the tests rely on it.
    const warmUp = uniqueName('evt');
    await publish(warmUp, EXCHANGE_TYPE, uniqueName('exchange'), { status: 'PENDING' });
    await eventually(async () => expect(await rowsFor(warmUp)).toHaveLength(1), 30_000);
  }, 60_000);

  afterAll(async () => {
    await producer?.disconnect();
    // Stops the consumer, which leaves its group, before the database closes.
    await app?.close();
  });

  it('records a P100 exchange event delivered twice exactly once, and ignores types it does not know', async () => {
    const key = uniqueName('exchange');
    const eventId = uniqueName('evt');
    const unknownId = uniqueName('evt');
    const lastId = uniqueName('evt');
    // P100 sends this amount as a JSON number with more digits than a double holds.
    const payload = { exchangeId: key, status: 'SUCCESS', amount: jsonNumber('12.345678901234567891'), currencyFrom: 'EUR', currencyTo: 'USDT' };

    await publish(eventId, EXCHANGE_TYPE, key, payload);
    await publish(eventId, EXCHANGE_TYPE, key, payload);
    await publish(unknownId, 'p100.webhook.not-in-the-catalog.v1', key, payload);
    // Same key, same partition: once this last event is recorded, every earlier one was handled.
    await publish(lastId, EXCHANGE_TYPE, key, { ...payload, status: 'FAILED' });
    await eventually(async () => expect(await rowsFor(lastId)).toHaveLength(1), 20_000);

    // Kept digit for digit, as a decimal string (numbers in events are decoded exactly).
    expect(await rowsFor(eventId)).toEqual([
      { event_type: EXCHANGE_TYPE, message_key: key, payload: { ...payload, amount: '12.345678901234567891' } },
    ]);
    expect(await rowsFor(unknownId)).toHaveLength(0);
  });

  it('credits a SEPA deposit from its webhook once: one movement, one posted ledger entry, one received event, however often it comes', async () => {
    const user = uniqueName('depositor');
    const depositId = randomUUID();
    const deposit = { id: depositId, externalUserId: user, amount: '125.40', currency: 'eur', senderName: 'Jan Kowalski', senderIban: 'DE89370400440532013000', status: 'APPROVED' };
    // The same deposit under two event ids (e.g. an operator's replay beside P100's delivery): the
    // second finds the movement the first created.
    const [first, second] = [uniqueName('evt'), uniqueName('evt')];
    await publish(first, SEPA_DEPOSIT_TYPE, user, deposit, SEPA_TOPIC);
    await publish(second, SEPA_DEPOSIT_TYPE, user, deposit, SEPA_TOPIC);
    await eventually(async () => expect(await rowsFor(second)).toHaveLength(1), 20_000);

    const movements: Array<{ id: string; status: string; amount: string; external_user_id: string }> = await dataSource.query(
      `SELECT id, status, amount::text AS amount, external_user_id FROM movements WHERE kind = 'sepa-deposit' AND p100_id = $1`,
      [depositId],
    );
    expect(movements).toEqual([{ id: expect.any(String), status: 'COMPLETED', amount: '125.40', external_user_id: user }]);
    const movementId = movements[0]!.id;
    expect(await dataSource.query('SELECT from_status, to_status FROM movement_transitions WHERE movement_id = $1 ORDER BY id', [movementId])).toEqual([
      { from_status: null, to_status: 'REQUESTED' },
      { from_status: 'REQUESTED', to_status: 'COMPLETED' },
    ]);
    expect(await dataSource.query(`SELECT amount::text AS amount, state FROM ledger_entries WHERE movement_id = $1`, [movementId])).toEqual([{ amount: '125.40', state: 'posted' }]);
    expect(await dataSource.query(`SELECT event_type, message_key FROM outbox WHERE payload->>'movementId' = $1`, [movementId])).toEqual([
      { event_type: 'payments.sepa-deposit.received.v1', message_key: user },
    ]);
  });

  it('turns a movement whose call was lost with its process (REQUESTED too long) into UNKNOWN, with its history, and never sends it', async () => {
    const id = randomUUID();
    await dataSource.query(
      `INSERT INTO movements (id, kind, external_user_id, request_id, request_hash, status, amount, currency, created_at)
       VALUES ($1, 'transfer-to-partner', 'user-lost', $2, 'h', 'REQUESTED', 1, 'eur', now() - interval '2 hours')`,
      [id, `test:${id}`],
    );
    // The service's own poller may get there first: either way, one change with its history row.
    await app.get(MovementPoller).pollOnce();
    expect(await dataSource.query('SELECT status, p100_id FROM movements WHERE id = $1', [id])).toEqual([{ status: 'UNKNOWN', p100_id: null }]);
    expect(await dataSource.query('SELECT from_status, to_status, source FROM movement_transitions WHERE movement_id = $1', [id])).toEqual([
      { from_status: 'REQUESTED', to_status: 'UNKNOWN', source: 'poll' },
    ]);
  });

  it('fails an UNKNOWN movement no webhook claimed within PAYMENTS_UNKNOWN_NO_TRACE_AFTER_MS (NO_TRACE_AT_P100), and leaves a younger one UNKNOWN', async () => {
    // Found by fault scenario b: a 5xx or a timeout before P100 processed the call leaves a
    // movement UNKNOWN with no P100 id and no webhook ever coming; it stayed open for ever.
    const [old, young] = [randomUUID(), randomUUID()];
    for (const [id, age] of [[old, '7 hours'], [young, '1 hour']] as const) {
      await dataSource.query(
        `INSERT INTO movements (id, kind, external_user_id, request_id, request_hash, status, amount, currency, created_at, next_check_at)
         VALUES ($1, 'sepa-transfer', 'user-no-trace', $2, 'h', 'UNKNOWN', 1, 'eur', now() - $3::interval, now())`,
        [id, `test:${id}`, age],
      );
    }
    await app.get(MovementPoller).pollOnce();
    const rows = await dataSource.query('SELECT id, status, p100_id, failure_code FROM movements WHERE id = ANY($1::uuid[]) ORDER BY created_at', [[old, young]]);
    expect(rows).toEqual([
      { id: old, status: 'FAILED', p100_id: null, failure_code: 'NO_TRACE_AT_P100' },
      { id: young, status: 'UNKNOWN', p100_id: null, failure_code: null },
    ]);
    expect(await dataSource.query('SELECT from_status, to_status, source FROM movement_transitions WHERE movement_id = $1', [old])).toEqual([
      { from_status: 'UNKNOWN', to_status: 'FAILED', source: 'poll' },
    ]);
  });

  it('reports ready on /health once Postgres, the producer and the consumer group are up', async () => {
    await eventually(async () => expect(await health(baseUrl)).toMatchObject({ status: 200 }), 15_000);
  });

  it('counts handled and duplicate messages on /metrics', async () => {
    const metrics = await (await fetch(`${baseUrl}/metrics`)).text();
    expect(metrics).toContain('kafka_messages_handled_total');
    expect(metrics).toMatch(/kafka_messages_handled_total\{[^}]*topic="p100\.webhooks\.exchange"[^}]*outcome="duplicate"[^}]*\} [1-9]/);
  });

  describe('a request\'s answer applied to the movement as it was recorded (MovementSettlement.applyIfUnchanged)', () => {
    const recordTransfer = async () => {
      const movements = app.get(MovementsRepository);
      const row = await movements.insert(dataSource, {
        id: randomUUID(), kind: 'transfer-from-partner', externalUserId: uniqueName('user'), requestId: uniqueName('caller:key'), requestHash: 'h',
        status: 'REQUESTED', amount: '0.01', currency: 'eur',
      });
      return row!;
    };
    const accepted = (p100Id: string) => ({ p100Id, p100Status: 'ACCEPTED', status: 'PENDING' as const });
    const historyOf = async (id: string) =>
      (await dataSource.query('SELECT from_status, to_status, source FROM movement_transitions WHERE movement_id = $1 ORDER BY id', [id])).map(
        (t: { from_status: string | null; to_status: string; source: string }) => `${t.from_status} → ${t.to_status} (${t.source})`,
      );
    const ledgerOf = (id: string): Promise<Array<{ state: string }>> => dataSource.query('SELECT state FROM ledger_entries WHERE movement_id = $1', [id]);

    it('moves a movement still as recorded: status, P100 id, transition and pending ledger entries, in the caller\'s transaction', async () => {
      const recorded = await recordTransfer();
      const settled = await dataSource.transaction((manager) => app.get(MovementSettlement).applyIfUnchanged(manager, recorded, accepted('tr-fresh'), 'request'));
      expect(settled?.movement).toMatchObject({ id: recorded.id, status: 'PENDING', p100_id: 'tr-fresh' });
      expect(await historyOf(recorded.id)).toEqual(['null → REQUESTED (request)', 'REQUESTED → PENDING (request)']);
      expect((await ledgerOf(recorded.id)).map((e) => e.state)).toEqual(['pending', 'pending']);
    });

    it('writes nothing when the movement moved meanwhile (a webhook first), so that the locked path decides', async () => {
      const recorded = await recordTransfer();
      const settlement = app.get(MovementSettlement);
      await dataSource.transaction(async (manager) => {
        const locked = (await app.get(MovementsRepository).lock(manager, recorded.id))!;
        await settlement.apply(manager, locked, { p100Id: 'tr-webhook', p100Status: 'COMPLETED', status: 'COMPLETED' }, 'webhook');
      });
      const late = await dataSource.transaction((manager) => settlement.applyIfUnchanged(manager, recorded, accepted('tr-webhook'), 'request'));
      expect(late).toBeUndefined();
      const [now] = await dataSource.query('SELECT status FROM movements WHERE id = $1', [recorded.id]);
      expect(now.status).toBe('COMPLETED');
      expect(await historyOf(recorded.id)).toEqual(['null → REQUESTED (request)', 'REQUESTED → COMPLETED (webhook)']);
      expect((await ledgerOf(recorded.id)).map((e) => e.state).sort()).toEqual(['posted', 'posted']);
    });
  });

  describe(`${LIST_P100_EVENTS} on ${PAYMENTS_COMMANDS_TOPIC}`, () => {
    let bus: CommandBus;

    beforeAll(async () => {
      bus = new CommandBus(kafkaTestSettings(), uniqueName('gateway-test'), [PAYMENTS_COMMANDS_TOPIC], 20_000);
      await bus.connect();
    }, 30_000);
    afterAll(() => bus?.close());

    it('answers with the latest recorded events, newest first', async () => {
      const key = uniqueName('exchange');
      const first = uniqueName('evt');
      const second = uniqueName('evt');
      await publish(first, EXCHANGE_TYPE, key, { exchangeId: key, status: 'PENDING' });
      await publish(second, EXCHANGE_TYPE, key, { exchangeId: key, status: 'SUCCESS' });
      await eventually(async () => expect(await rowsFor(second)).toHaveLength(1), 20_000);

      const list = (limit: number) =>
        bus.request<{ events: RecordedP100Event[] }>(PAYMENTS_COMMANDS_TOPIC, LIST_P100_EVENTS, { limit }, { key });
      // Filtered by key: other runs may share this database and write to the same schema.
      const events = (await list(100)).events.filter((e) => e.key === key);
      expect(events.map((e) => e.eventId)).toEqual([second, first]);
      expect(events[0]).toMatchObject({ type: EXCHANGE_TYPE, key, payload: { exchangeId: key, status: 'SUCCESS' } });
      expect(Date.parse(events[0]!.receivedAt)).not.toBeNaN();
      expect((await list(1)).events).toHaveLength(1);
    });

    it('rejects a limit above 100 with VALIDATION_FAILED', async () => {
      const reply = bus.request(PAYMENTS_COMMANDS_TOPIC, LIST_P100_EVENTS, { limit: 101 }, { key: 'operator' });
      await expect(reply).rejects.toBeInstanceOf(DomainError);
      await expect(reply).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    });
  });
});

/** Status and body together, so a failed readiness wait says which check is down. */
async function health(baseUrl: string): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${baseUrl}/health`);
  return { status: response.status, body: await response.json() };
}

/** Retries an assertion until it passes or the time is up; the last failure is the one reported. */
async function eventually(assertion: () => Promise<void>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await assertion();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
