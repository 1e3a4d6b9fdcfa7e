import type { INestApplication } from '@nestjs/common';
import { Kafka, type Producer } from 'kafkajs';
import { DataSource } from 'typeorm';
import { DomainError, MessageHeaders, webhookMessageType } from '@platform/contracts';
import { CommandBus, kafkaClientConfig, kafkaTopic } from '@platform/kafka';
import type { RecordedP100Event } from '@platform/p100-events';
import { OneTimeCodeSealer } from '@platform/secrets';
import { kafkaTestSettings, uniqueName } from '@platform/testing';
import { REDACTED } from './card-secrets.redactor';
import { loadCardsConfig } from './cards.config';
import { CARDS_COMMANDS_TOPIC, LIST_P100_EVENTS } from './cards.topics';
import { startCards } from './main';
import { P100_CODE_KEYS, cardsTestEnv } from './test-support/cards-test-app';

const CARD_TOPIC = 'p100.webhooks.card';
const THREE_DS_TYPE = webhookMessageType('card-3ds-code');
const TRANSACTION_TYPE = webhookMessageType('card-transaction');
// webhook-ingest seals one-time codes before it stores or publishes them.
const sealed = (code: string) => OneTimeCodeSealer.fromConfig(P100_CODE_KEYS).seal(code);

describe('cards service on real Postgres and a real Kafka-protocol broker', () => {
  let app: INestApplication;
  let baseUrl: string;
  let dataSource: DataSource;
  let producer: Producer;

  const publish = (eventId: string, type: string, key: string, payload: Record<string, unknown>) =>
    producer.send({
      topic: kafkaTopic(CARD_TOPIC),
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
    // No card command reaches P100 here; nothing listens on port 9.
    const config = loadCardsConfig(cardsTestEnv('http://127.0.0.1:9'));
    app = await startCards(config, { groupId: uniqueName('cards-test') });
    baseUrl = await app.getUrl();
    dataSource = app.get(DataSource);

    const settings = kafkaTestSettings();
    // The dev broker reports a controller that does not exist, which breaks idempotent producers.
    producer = new Kafka(kafkaClientConfig(settings)).producer({ idempotent: !settings.devBroker, allowAutoTopicCreation: false });
    await producer.connect();
    // The consumer has joined its group once startCards resolves; one recorded event proves
    // that messages flow before the tests rely on it.
    const warmUp = uniqueName('evt');
    const warmUpCard = uniqueName('card');
    await publish(warmUp, TRANSACTION_TYPE, warmUpCard, { cardId: warmUpCard, status: 'PENDING' });
    await eventually(async () => expect(await rowsFor(warmUp)).toHaveLength(1), 30_000);
  }, 60_000);

  afterAll(async () => {
    await producer?.disconnect();
    // Stops the consumer, which leaves its group, before the database closes.
    await app?.close();
  });

  it('records a P100 3DS code event delivered twice exactly once without its code, and ignores types it does not know', async () => {
    const cardId = uniqueName('card');
    const eventId = uniqueName('evt');
    const unknownId = uniqueName('evt');
    const lastId = uniqueName('evt');
    const payload = { externalUserId: 'user-1', cardId, code: sealed('493817'), merchantName: 'Coffee', amount: 3.2, currency: 'EUR' };

    await publish(eventId, THREE_DS_TYPE, cardId, payload);
    await publish(eventId, THREE_DS_TYPE, cardId, payload);
    await publish(unknownId, 'p100.webhook.not-in-the-catalog.v1', cardId, payload);
    // Same key, same partition: once this last event is recorded, every earlier one was handled.
    await publish(lastId, TRANSACTION_TYPE, cardId, { cardId, transactionId: 'tx-1', status: 'SUCCESS' });
    await eventually(async () => expect(await rowsFor(lastId)).toHaveLength(1), 20_000);

    // The one-time code never reaches the table; the rest of the payload is kept as received.
    expect(await rowsFor(eventId)).toEqual([{ event_type: THREE_DS_TYPE, message_key: cardId, payload: { ...payload, amount: '3.2', code: REDACTED } }]);
    expect(JSON.stringify(await rowsFor(eventId))).not.toContain('493817');
    expect(await rowsFor(unknownId)).toHaveLength(0);
  });

  it('reports ready on /health once Postgres, the producer and the consumer group are up', async () => {
    await eventually(async () => expect(await health(baseUrl)).toMatchObject({ status: 200 }), 15_000);
  });

  it('counts handled and duplicate messages on /metrics', async () => {
    const metrics = await (await fetch(`${baseUrl}/metrics`)).text();
    expect(metrics).toContain('kafka_messages_handled_total');
    expect(metrics).toMatch(/kafka_messages_handled_total\{[^}]*topic="p100\.webhooks\.card"[^}]*outcome="duplicate"[^}]*\} [1-9]/);
  });

  describe(`${LIST_P100_EVENTS} on ${CARDS_COMMANDS_TOPIC}`, () => {
    let bus: CommandBus;

    beforeAll(async () => {
      bus = new CommandBus(kafkaTestSettings(), uniqueName('gateway-test'), [CARDS_COMMANDS_TOPIC], 20_000);
      await bus.connect();
    }, 30_000);
    afterAll(() => bus?.close());

    it('answers with the latest recorded events, newest first, and never with their one-time codes', async () => {
      const cardId = uniqueName('card');
      const first = uniqueName('evt');
      const second = uniqueName('evt');
      await publish(first, THREE_DS_TYPE, cardId, { cardId, code: sealed('111222') });
      await publish(second, webhookMessageType('card-activation-code'), cardId, { cardId, code: sealed('333444') });
      await eventually(async () => expect(await rowsFor(second)).toHaveLength(1), 20_000);
      expect(await rowsFor(second)).toEqual([
        { event_type: webhookMessageType('card-activation-code'), message_key: cardId, payload: { cardId, code: REDACTED } },
      ]);
      expect(JSON.stringify([...(await rowsFor(first)), ...(await rowsFor(second))])).not.toMatch(/111222|333444/);

      const list = (limit: number) =>
        bus.request<{ events: RecordedP100Event[] }>(CARDS_COMMANDS_TOPIC, LIST_P100_EVENTS, { limit }, { key: cardId });
      const reply = await list(100);
      expect(JSON.stringify(reply)).not.toMatch(/111222|333444/);
      // Filtered by key: other runs may share this database and write to the same schema.
      const events = reply.events.filter((e) => e.key === cardId);
      expect(events.map((e) => e.eventId)).toEqual([second, first]);
      expect(Object.keys(events[0]!).sort()).toEqual(['eventId', 'key', 'receivedAt', 'type']);
      expect(events[1]).toMatchObject({ type: THREE_DS_TYPE, key: cardId });
      expect((await list(1)).events).toHaveLength(1);
    });

    it('rejects a limit above 100 with VALIDATION_FAILED', async () => {
      const reply = bus.request(CARDS_COMMANDS_TOPIC, LIST_P100_EVENTS, { limit: 101 }, { key: 'operator' });
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
