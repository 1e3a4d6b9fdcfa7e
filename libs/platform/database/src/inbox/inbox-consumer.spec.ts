import { z } from 'zod';
import { MessageHeaders, type IncomingMessage, type OutgoingMessage } from '@platform/contracts';
import { CreateMessagingTables1763900000000 } from '../migrations/create-messaging-tables.migration';
import { createTestSchema } from '../test-support/test-schema';
import { InboxConsumer, type InboxHandlers } from './inbox-consumer';

const TYPE = 'test.user-activated.v1';

function message(eventId: string | undefined, value: unknown, type = TYPE): IncomingMessage {
  return {
    topic: 'p100.webhooks.user',
    partition: 0,
    offset: '1',
    key: 'user-1',
    headers: { ...(eventId ? { [MessageHeaders.eventId]: eventId } : {}), [MessageHeaders.type]: type },
    value,
  };
}

describe('InboxConsumer (real Postgres)', () => {
  let db: Awaited<ReturnType<typeof createTestSchema>>;
  const dlq: OutgoingMessage[] = [];
  const publisher = { publish: async (m: OutgoingMessage[]) => void dlq.push(...m) };

  beforeAll(async () => {
    db = await createTestSchema('inbox', [CreateMessagingTables1763900000000]);
    await db.dataSource.query('CREATE TABLE effects (id serial PRIMARY KEY, user_id text NOT NULL)');
  });
  afterAll(() => db.drop());
  beforeEach(async () => {
    dlq.length = 0;
    await db.dataSource.query('TRUNCATE effects, inbox');
  });

  const recordingHandlers = (): InboxHandlers => ({
    [TYPE]: {
      schema: z.object({ userId: z.string() }),
      handle: async (payload, { manager }) => {
        await manager.query('INSERT INTO effects (user_id) VALUES ($1)', [payload.userId]);
      },
    },
  });

  const effects = async () => (await db.dataSource.query('SELECT count(*)::int AS n FROM effects'))[0].n;

  it('applies an event delivered five times, two of them concurrently, exactly once', async () => {
    const consumer = new InboxConsumer({ dataSource: db.dataSource, publisher });
    const handlers = recordingHandlers();
    const msg = message('evt-1', { userId: 'u1' });
    const outcomes = await Promise.all([consumer.consume(msg, handlers), consumer.consume(msg, handlers)]);
    for (let i = 0; i < 3; i += 1) outcomes.push(await consumer.consume(msg, handlers));
    expect(outcomes.filter((o) => o === 'processed')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'duplicate')).toHaveLength(4);
    expect(await effects()).toBe(1);
  });

  it('retries a failing handler with backoff and succeeds without a second effect', async () => {
    let calls = 0;
    const consumer = new InboxConsumer({ dataSource: db.dataSource, publisher, baseBackoffMs: 5 });
    const outcome = await consumer.consume(message('evt-2', { userId: 'u2' }), {
      [TYPE]: {
        schema: z.object({ userId: z.string() }),
        handle: async (payload, { manager }) => {
          await manager.query('INSERT INTO effects (user_id) VALUES ($1)', [payload.userId]);
          calls += 1;
          if (calls < 3) throw new Error('transient');
        },
      },
    });
    expect(outcome).toBe('processed');
    expect(calls).toBe(3);
    expect(await effects()).toBe(1);
  });

  it('sends a message that keeps failing to the DLQ after the bounded retries, and never again', async () => {
    const consumer = new InboxConsumer({ dataSource: db.dataSource, publisher, maxAttempts: 3, baseBackoffMs: 1 });
    const failing: InboxHandlers = {
      [TYPE]: { schema: z.object({ userId: z.string() }), handle: async () => Promise.reject(new Error('always')) },
    };
    expect(await consumer.consume(message('evt-3', { userId: 'u3' }), failing)).toBe('dead_lettered');
    expect(dlq).toHaveLength(1);
    expect(dlq[0]!.topic).toBe('p100.webhooks.user.dlq');
    expect(dlq[0]!.headers['dlq-attempts']).toBe('3');
    expect(dlq[0]!.headers[MessageHeaders.eventId]).toBe('evt-3');
    expect(await consumer.consume(message('evt-3', { userId: 'u3' }), failing)).toBe('duplicate');
    expect(dlq).toHaveLength(1);
  });

  it('dead-letters an invalid payload at once, without retrying', async () => {
    let calls = 0;
    const consumer = new InboxConsumer({ dataSource: db.dataSource, publisher, baseBackoffMs: 1000 });
    const started = Date.now();
    const outcome = await consumer.consume(message('evt-4', { userId: 42 }), {
      [TYPE]: { schema: z.object({ userId: z.string() }), handle: async () => void (calls += 1) },
    });
    expect(outcome).toBe('dead_lettered');
    expect(calls).toBe(0);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(dlq[0]!.headers['dlq-reason']).toContain('userId');
  });

  it('dead-letters the original bytes when it has them, so a replay sees exactly what arrived', async () => {
    const consumer = new InboxConsumer({ dataSource: db.dataSource, publisher });
    const raw = '{"userId":7,"amount":0.123456789012345678}';
    await consumer.consume({ ...message('evt-raw', { userId: '7', amount: '0.123456789012345678' }), rawValue: raw }, {
      [TYPE]: { schema: z.object({ userId: z.number() }), handle: async () => undefined },
    });
    expect(dlq.map((m) => m.value)).toEqual([raw]);
  });

  it('lets a handler redact what its dead letters carry (one-time codes never reach the DLQ)', async () => {
    const consumer = new InboxConsumer({ dataSource: db.dataSource, publisher });
    await consumer.consume({ ...message('evt-secret', { cardId: 'c1', code: '493817' }), rawValue: '{"cardId":"c1","code":"493817"}' }, {
      [TYPE]: {
        schema: z.object({ userId: z.string() }),
        handle: async () => undefined,
        redactDeadLetter: (value) => ({ ...(value as object), code: '[redacted]' }),
      },
    });
    expect(dlq).toHaveLength(1);
    expect(JSON.parse(dlq[0]!.value)).toEqual({ cardId: 'c1', code: '[redacted]' });
    expect(dlq[0]!.value).not.toContain('493817');
  });

  it('dead-letters a message without an event-id, since it cannot be deduplicated', async () => {
    const consumer = new InboxConsumer({ dataSource: db.dataSource, publisher });
    expect(await consumer.consume(message(undefined, { userId: 'u5' }), recordingHandlers())).toBe('dead_lettered');
    expect(await effects()).toBe(0);
  });

  it('ignores event types it has no handler for', async () => {
    const consumer = new InboxConsumer({ dataSource: db.dataSource, publisher });
    expect(await consumer.consume(message('evt-6', {}, 'test.other.v1'), recordingHandlers())).toBe('ignored');
    expect(dlq).toHaveLength(0);
  });
});
