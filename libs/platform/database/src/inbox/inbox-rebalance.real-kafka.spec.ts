import { randomUUID } from 'node:crypto';
import { Kafka, logLevel, type Consumer, type Producer } from 'kafkajs';
import { z } from 'zod';
import { MessageHeaders } from '@platform/contracts';
import { consumerConfig, createTestTopics, kafkaClientConfig, kafkaTopic, producerConfig, toIncomingMessage } from '@platform/kafka';
import { kafkaTestSettings, uniqueName } from '@platform/testing';
import { CreateMessagingTables1763900000000 } from '../migrations/create-messaging-tables.migration';
import { createTestSchema } from '../test-support/test-schema';
import { InboxConsumer } from './inbox-consumer';

// A consumer group that rebalances when a second member joins (real Kafka only: the librdkafka
// mock's group coordinator is not Kafka's). Partitions move while messages flow; kafkajs may hand
// a moved partition's uncommitted messages to the new owner again, and our inbox must turn that
// into exactly one effect per event.
const onRealKafka = process.env.KAFKA_DEV_BROKER === 'true' ? describe.skip : describe;
const TOTAL = 400;

onRealKafka('inbox under a consumer-group rebalance (real Kafka)', () => {
  const settings = kafkaTestSettings(uniqueName('rebalance'));
  const kafka = new Kafka({ ...kafkaClientConfig(settings), logLevel: logLevel.NOTHING });
  const topic = uniqueName('rebalance.events');
  const groupId = uniqueName('rebalance-group');
  let db: Awaited<ReturnType<typeof createTestSchema>>;
  let producer: Producer;
  const members: Consumer[] = [];
  const handled: string[] = [];

  beforeAll(async () => {
    db = await createTestSchema('rebalance', [CreateMessagingTables1763900000000]);
    await db.dataSource.query(`CREATE TABLE effects (event_id text NOT NULL, member text NOT NULL)`);
    await createTestTopics(settings, [topic]);
    producer = kafka.producer(producerConfig(settings));
    await producer.connect();
  }, 60_000);
  afterAll(async () => {
    await Promise.all(members.map((m) => m.disconnect()));
    await producer?.disconnect();
    await db?.drop();
  }, 60_000);

  /** A member of the group whose handler records one effect row in the inbox's transaction. */
  async function join(member: string): Promise<{ assignments: number[][] }> {
    const inbox = new InboxConsumer({ dataSource: db.dataSource, publisher: { publish: async () => undefined } });
    const handlers = {
      'test.rebalance.v1': {
        schema: z.object({ n: z.string() }),
        handle: async (_: unknown, { manager, eventId }: { manager: import('typeorm').EntityManager; eventId: string }) => {
          handled.push(eventId);
          await manager.query(`INSERT INTO effects (event_id, member) VALUES ($1, $2)`, [eventId, member]);
        },
      },
    };
    const consumer = kafka.consumer({ ...consumerConfig(settings, groupId), maxWaitTimeInMs: 100, heartbeatInterval: 500 });
    members.push(consumer);
    const assignments: number[][] = [];
    consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => assignments.push(payload.memberAssignment[kafkaTopic(topic)] ?? []));
    await consumer.connect();
    await consumer.subscribe({ topic: kafkaTopic(topic), fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ topic: t, partition, message }) => {
        const context = { getMessage: () => message, getTopic: () => t, getPartition: () => partition };
        await inbox.consume(toIncomingMessage(message.value, context as never), handlers);
        // Slow enough that the rebalance happens while messages are in flight.
        await new Promise((r) => setTimeout(r, 2));
      },
    });
    return { assignments };
  }

  const send = (from: number, to: number) =>
    producer.send({
      topic: kafkaTopic(topic),
      acks: -1,
      messages: Array.from({ length: to - from }, (_, i) => ({
        key: `key-${(from + i) % 16}`,
        value: JSON.stringify({ n: String(from + i) }),
        headers: { [MessageHeaders.eventId]: randomUUID(), [MessageHeaders.type]: 'test.rebalance.v1' },
      })),
    });

  it('moves partitions to a second member without losing a message or applying one twice', async () => {
    const first = await join('a');
    await send(0, TOTAL / 2);
    // The second member joins while the first is busy: the group rebalances.
    const second = await join('b');
    await send(TOTAL / 2, TOTAL);

    const deadline = Date.now() + 60_000;
    let effects = 0;
    while (Date.now() < deadline) {
      [{ effects }] = await db.dataSource.query(`SELECT count(*)::int AS effects FROM effects`);
      if (effects >= TOTAL) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    await new Promise((r) => setTimeout(r, 1000)); // a late duplicate would show up here

    const [row] = await db.dataSource.query(
      `SELECT count(*)::int AS effects, count(DISTINCT event_id)::int AS distinct_events,
              count(*) FILTER (WHERE member = 'a')::int AS by_a, count(*) FILTER (WHERE member = 'b')::int AS by_b FROM effects`,
    );
    expect(row).toMatchObject({ effects: TOTAL, distinct_events: TOTAL });
    // The rebalance really happened: the second member got partitions, the first gave some up.
    expect(second.assignments.at(-1)!.length).toBeGreaterThan(0);
    expect(first.assignments[0]).toHaveLength(4);
    expect(first.assignments.at(-1)!.length).toBeLessThan(4);
    expect(row.by_b).toBeGreaterThan(0);
    // Every redelivery the rebalance caused was a no-op in the inbox.
    const [{ inbox }] = await db.dataSource.query(`SELECT count(*)::int AS inbox FROM inbox`);
    expect(inbox).toBe(TOTAL);
    expect(handled.length).toBe(TOTAL);
  }, 90_000);
});
