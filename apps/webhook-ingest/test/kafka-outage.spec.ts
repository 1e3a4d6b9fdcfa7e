import { randomUUID } from 'node:crypto';
import { MessageHeaders, webhookSpecByEvent, webhookTopic } from '@platform/contracts';
import { freePort, KafkaTestConsumer } from '@platform/testing';
import { count, deliver, dropSchema, startIngestApp, waitUntil, type IngestApp } from './support/ingest-app';
import { OwnBroker } from './support/own-broker';

const cryptoDeposit = webhookSpecByEvent('crypto-deposit')!;
const USERS = 50;
const EVENTS_PER_USER = 20;
const TOTAL = USERS * EVENTS_PER_USER;

/**
 * Kafka is down while 1,000 webhooks arrive: every one is acknowledged (stored), and once Kafka is
 * back each is published exactly once, in order per key. The broker is this test's own (real
 * Kafka, or the dev broker where Java is missing), so stopping it disturbs nobody.
 */
describe('a Kafka outage while webhooks arrive (real Postgres, own broker)', () => {
  let broker: OwnBroker;
  let ingest: IngestApp;
  let consumer: KafkaTestConsumer | null = null;
  const previousBrokers = process.env.KAFKA_BROKERS;
  const previousDevBroker = process.env.KAFKA_DEV_BROKER;

  beforeAll(async () => {
    // kafkajs logs every refused connection of the outage; they are the point of this test.
    const consoleError = console.error;
    jest.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
      if (!String(args[0]).includes('"logger":"kafkajs"')) consoleError(...args);
    });
    broker = new OwnBroker(await freePort());
    await broker.launch();
    // KafkaTestConsumer reads the broker address from the environment.
    process.env.KAFKA_BROKERS = broker.bootstrap;
    process.env.KAFKA_DEV_BROKER = String(broker.kind === 'dev');
    ingest = await startIngestApp(undefined, { KAFKA_BROKERS: broker.bootstrap, KAFKA_DEV_BROKER: process.env.KAFKA_DEV_BROKER });
  }, 60_000);
  afterAll(async () => {
    await consumer?.stop();
    await ingest?.close();
    await broker?.close();
    process.env.KAFKA_BROKERS = previousBrokers;
    process.env.KAFKA_DEV_BROKER = previousDevBroker;
    jest.restoreAllMocks();
    if (ingest) await dropSchema(ingest.schema);
  }, 60_000);

  it('answers 200 to all of them and publishes each exactly once, in order per key, when Kafka returns', async () => {
    await broker.stop();
    const run = randomUUID().slice(0, 8);
    const user = (u: number) => `outage-${run}-u${u}`;
    // One sequence per user (its order is what Kafka must keep), the users concurrently.
    const statuses = await Promise.all(
      Array.from({ length: USERS }, async (_, u) => {
        const codes: number[] = [];
        for (let i = 0; i < EVENTS_PER_USER; i += 1) {
          const res = await deliver(ingest.url, cryptoDeposit.path, {
            externalUserId: user(u),
            cryptoDepositId: `${user(u)}-d${i}`,
            amount: 0.001,
            currency: 'eth',
            status: 'SUCCESSFUL',
            seq: i,
          });
          codes.push(res.status);
        }
        return codes;
      }),
    );
    expect(statuses.flat().filter((s) => s === 200)).toHaveLength(TOTAL);
    expect(await count(ingest.schema, 'SELECT count(*) FROM outbox WHERE published_at IS NULL')).toBe(TOTAL);
    const metrics = await (await fetch(`${ingest.url}/metrics`)).text();
    expect(metrics).toMatch(new RegExp(`webhook_ingest_backlog\\{[^}]*\\} ${TOTAL}\\b`));

    await broker.start();
    consumer = await KafkaTestConsumer.start([webhookTopic(cryptoDeposit.family)], { fromBeginning: true });
    await waitUntil(async () => (await count(ingest.schema, 'SELECT count(*) FROM outbox WHERE published_at IS NULL')) === 0, 60_000, 'the backlog to drain');
    await waitUntil(async () => consumer!.messages.length >= TOTAL, 20_000, `${TOTAL} messages`);
    await new Promise((r) => setTimeout(r, 500)); // a late duplicate would show up here

    const mine = consumer.messages.filter((m) => m.key?.startsWith(`outage-${run}-`));
    const ids = mine.map((m) => m.headers[MessageHeaders.eventId]);
    expect(mine).toHaveLength(TOTAL);
    expect(new Set(ids).size).toBe(TOTAL);
    for (let u = 0; u < USERS; u += 1) {
      const order = mine.filter((m) => m.key === user(u)).map((m) => Number(m.value.seq));
      expect(order).toEqual(Array.from({ length: EVENTS_PER_USER }, (_, i) => i));
    }
  }, 90_000);
});
