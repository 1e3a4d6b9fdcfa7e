import { randomInt, randomUUID } from 'node:crypto';
import { Kafka, type Producer } from 'kafkajs';
import { CARDS_EVENTS_TOPIC, CARDS_SECURE_CODES_TOPIC, MessageHeaders, webhookMessageType, webhookTopic, type SecureCodeEvent } from '@platform/contracts';
import { kafkaClientConfig, kafkaTopic } from '@platform/kafka';
import { OneTimeCodeSealer } from '@platform/secrets';
import { KafkaTestConsumer, kafkaTestSettings, uniqueName } from '@platform/testing';
import { CARDS_SECURE_CODE_KEYS, P100_CODE_KEYS, columnsContaining, eventually, startCardsTestApp, type CardsTestApp } from '../test-support/cards-test-app';

const TRANSACTION = webhookMessageType('card-transaction');

describe('P100 card webhooks in the cards service (real Postgres and Kafka)', () => {
  let cards: CardsTestApp;
  let producer: Producer;
  let consumer: KafkaTestConsumer;
  // As webhook-ingest seals the code, and as the product service opens it.
  const ingest = OneTimeCodeSealer.fromConfig(P100_CODE_KEYS);
  const product = OneTimeCodeSealer.fromConfig(CARDS_SECURE_CODE_KEYS);

  const publish = (eventId: string, type: string, cardId: string, payload: Record<string, unknown>, occurredAt = new Date()) =>
    producer.send({
      topic: kafkaTopic(webhookTopic('card')),
      acks: -1,
      messages: [{ key: cardId, value: JSON.stringify(payload), headers: { [MessageHeaders.eventId]: eventId, [MessageHeaders.type]: type, [MessageHeaders.occurredAt]: occurredAt.toISOString() } }],
    });
  const outboxRows = async (key: string) => (await cards.dataSource.query('SELECT count(*)::int AS n FROM outbox WHERE message_key = $1', [key]))[0].n as number;
  const recorded = async (eventId: string) => (await cards.dataSource.query('SELECT 1 FROM p100_events WHERE event_id = $1', [eventId])).length === 1;

  beforeAll(async () => {
    consumer = await KafkaTestConsumer.start([CARDS_EVENTS_TOPIC, CARDS_SECURE_CODES_TOPIC]);
    cards = await startCardsTestApp({ CARDS_SECURE_CODE_TTL_MS: '120000' });
    const settings = kafkaTestSettings();
    // The dev broker reports a controller that does not exist, which breaks idempotent producers.
    producer = new Kafka(kafkaClientConfig(settings)).producer({ idempotent: !settings.devBroker, allowAutoTopicCreation: false });
    await producer.connect();
  }, 60_000);

  afterAll(async () => {
    await producer?.disconnect();
    await cards?.close();
    await consumer?.stop();
  });

  it('records a card transaction once and emits cards.transaction.v1 once, however often it is delivered', async () => {
    const cardId = randomUUID();
    const transactionId = randomUUID();
    const eventId = uniqueName('evt');
    const payload = { externalUserId: 'user-1', cardId, transactionId, amount: '12.50', currency: 'eur', merchantName: 'Coffee Shop', status: 'DECLINED', declineReason: 'DAILY_LIMIT_EXCEEDED', createdAt: '2026-12-01T10:00:00.000Z' };
    await publish(eventId, TRANSACTION, cardId, payload);
    await publish(eventId, TRANSACTION, cardId, payload);
    // The same payment in another delivery (P100 retried with a new event): still one.
    const again = uniqueName('evt');
    await publish(again, TRANSACTION, cardId, payload);
    await eventually(async () => expect(await recorded(again)).toBe(true));

    expect(await cards.dataSource.query('SELECT transaction_id, amount::text, currency, merchant_name, status, decline_reason, created_at FROM card_transactions WHERE card_id = $1', [cardId])).toEqual([
      { transaction_id: transactionId, amount: '12.50', currency: 'eur', merchant_name: 'Coffee Shop', status: 'DECLINED', decline_reason: 'DAILY_LIMIT_EXCEEDED', created_at: new Date('2026-12-01T10:00:00.000Z') },
    ]);
    const event = await consumer.waitFor((m) => m.key === cardId);
    expect(event.headers.type).toBe('cards.transaction.v1');
    expect(event.value).toEqual({ transactionId, cardId, externalUserId: 'user-1', merchantName: 'Coffee Shop', amount: '12.50', currency: 'eur', status: 'DECLINED', declineReason: 'DAILY_LIMIT_EXCEEDED', createdAt: '2026-12-01T10:00:00.000Z' });
    expect(await outboxRows(cardId)).toBe(1);
  });

  it.each([
    ['card-3ds-code', '3ds', { merchantName: 'Web Shop', amount: '49.99', currency: 'eur' }],
    ['card-activation-code', 'activation', {}],
  ] as const)('re-seals the code of a %s webhook for the product service: the event opens to it, no table holds it', async (event, kind, extra) => {
    const cardId = randomUUID();
    const code = String(randomInt(100_000, 1_000_000));
    const occurredAt = new Date(Date.now() - 1_000);
    const eventId = uniqueName('evt');
    await publish(eventId, webhookMessageType(event), cardId, { externalUserId: 'user-1', cardId, code: ingest.seal(code), ...extra }, occurredAt);
    await publish(eventId, webhookMessageType(event), cardId, { externalUserId: 'user-1', cardId, code: ingest.seal(code), ...extra }, occurredAt);

    const message = await consumer.waitFor((m) => m.key === cardId && m.topic === CARDS_SECURE_CODES_TOPIC);
    expect(message.headers.type).toBe('cards.secure-code.v1');
    const value = message.value as SecureCodeEvent;
    expect(value).toEqual({
      kind,
      cardId,
      externalUserId: 'user-1',
      sealedCode: expect.stringMatching(/^sealed:v1:product1:/),
      merchantName: null,
      amount: null,
      currency: null,
      ...extra,
      issuedAt: occurredAt.toISOString(),
      expiresAt: new Date(occurredAt.getTime() + 120_000).toISOString(),
    });
    expect(product.open(value.sealedCode)).toBe(code);
    expect(() => ingest.open(value.sealedCode)).toThrow();
    expect(JSON.stringify(message)).not.toContain(code);
    expect(await columnsContaining(cards.dataSource, code)).toEqual([]);
    await eventually(async () => expect(await recorded(eventId)).toBe(true));
    expect(await outboxRows(cardId)).toBe(1);
  });
});
