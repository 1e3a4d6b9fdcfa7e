import { MessageHeaders, type OutgoingMessage } from '@platform/contracts';
import { KafkaPublisher } from '@platform/kafka';
import { KafkaTestConsumer, kafkaTestSettings, testEnv } from '@platform/testing';
import { CreateMessagingTables1763900000000 } from '../migrations/create-messaging-tables.migration';
import { createTestSchema } from '../test-support/test-schema';
import { metricsRegistry } from '@platform/metrics';
import { enqueueEvent } from './outbox';
import { OUTBOX_AGE_METRIC } from './outbox-age.gauge';
import { OutboxRelay } from './outbox-relay';

const TOPIC = 'onboarding.events';

async function until(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('OutboxRelay (real Postgres and Kafka broker)', () => {
  let db: Awaited<ReturnType<typeof createTestSchema>>;
  let publisher: KafkaPublisher;

  beforeAll(async () => {
    db = await createTestSchema('outbox', [CreateMessagingTables1763900000000]);
    publisher = new KafkaPublisher(kafkaTestSettings());
  });
  afterAll(async () => {
    await publisher.disconnect();
    await db.drop();
  });

  it('publishes committed events in order per key with event-id, type, occurred-at headers, once each', async () => {
    const consumer = await KafkaTestConsumer.start([TOPIC]);
    const relay = new OutboxRelay({ dataSource: db.dataSource, databaseUrl: testEnv().databaseUrl, schema: db.schema, publisher });
    const reported: string[] = [];
    relay.onPublished((events) => reported.push(...events.map((e) => e.eventId)));
    try {
      const key = `user-${db.schema}`;
      const ids: string[] = [];
      for (let i = 0; i < 5; i += 1) {
        ids.push(await db.dataSource.transaction((m) => enqueueEvent(m, { topic: TOPIC, key, type: 'test.event.v1', payload: { n: i } })));
      }
      await relay.start();
      await consumer.waitFor((m) => m.headers[MessageHeaders.eventId] === ids[4]!);
      // The relay's loop may still be committing the batch it just sent (its mark and the
      // onPublished call come after the send): wait for the report, then nothing is left.
      await until(() => reported.length >= ids.length);
      await relay.drain();
      const mine = consumer.messages.filter((m) => m.key === key);
      expect(mine.map((m) => m.value.n)).toEqual([0, 1, 2, 3, 4]);
      expect(mine.map((m) => m.headers[MessageHeaders.eventId])).toEqual(ids);
      expect(reported).toEqual(ids);
      expect(mine[0]!.headers[MessageHeaders.type]).toBe('test.event.v1');
      expect(Date.parse(mine[0]!.headers[MessageHeaders.occurredAt]!)).not.toBeNaN();
      const [{ count }] = await db.dataSource.query('SELECT count(*)::int AS count FROM outbox WHERE published_at IS NULL');
      expect(count).toBe(0);
    } finally {
      await relay.stop();
      await consumer.stop();
    }
  });

  it('does not publish an event whose transaction rolled back', async () => {
    await expect(
      db.dataSource.transaction(async (m) => {
        await enqueueEvent(m, { topic: TOPIC, key: 'k', type: 'test.rolled-back.v1', payload: {} });
        throw new Error('business failure');
      }),
    ).rejects.toThrow('business failure');
    const [{ count }] = await db.dataSource.query(`SELECT count(*)::int AS count FROM outbox WHERE event_type = 'test.rolled-back.v1'`);
    expect(count).toBe(0);
  });

  /** The oldest-unpublished age this process reports for `schema` (undefined: no series). */
  async function oldestAge(schema: string): Promise<number | undefined> {
    const metric = await metricsRegistry.getSingleMetric(OUTBOX_AGE_METRIC)?.get();
    return metric?.values.find((v) => v.labels.schema === schema)?.value;
  }

  it('keeps events while the broker is unreachable, reporting their age, and publishes them when it returns', async () => {
    let brokerUp = false;
    const sent: OutgoingMessage[] = [];
    const flaky = {
      publish: async (messages: OutgoingMessage[]) => {
        if (!brokerUp) throw new Error('broker down');
        sent.push(...messages);
      },
    };
    const relay = new OutboxRelay({
      dataSource: db.dataSource,
      databaseUrl: testEnv().databaseUrl,
      schema: db.schema,
      publisher: flaky,
      idlePollMs: 20,
      maxBackoffMs: 50,
    });
    const id = await db.dataSource.transaction((m) => enqueueEvent(m, { topic: TOPIC, key: 'down', type: 'test.outage.v1', payload: {} }));
    const [{ occurredAt }] = await db.dataSource.query('SELECT occurred_at AS "occurredAt" FROM outbox WHERE event_id = $1', [id]);
    await relay.start();
    await new Promise((r) => setTimeout(r, 300));
    expect(sent).toHaveLength(0);
    // The waiting row's age, computed at scrape time from its own write time (same host clock).
    const before = Date.now();
    const age = await oldestAge(db.schema);
    expect(age).toBeGreaterThanOrEqual((before - new Date(occurredAt).getTime()) / 1000);
    brokerUp = true;
    for (let i = 0; i < 50 && sent.length === 0; i += 1) await new Promise((r) => setTimeout(r, 50));
    // Published and marked: the relay's next report says the outbox is empty.
    for (let i = 0; i < 100 && (await oldestAge(db.schema)) !== 0; i += 1) await new Promise((r) => setTimeout(r, 20));
    expect(await oldestAge(db.schema)).toBe(0);
    await relay.stop();
    expect(sent.map((m) => m.headers[MessageHeaders.eventId])).toEqual([id]);
    // A stopped relay publishes nothing, so it reports nothing either.
    expect(await oldestAge(db.schema)).toBeUndefined();
  });
});
