import { Client } from 'pg';
import { testEnv } from '@platform/testing';
import { CreateMessagingTables1763900000000 } from '../migrations/create-messaging-tables.migration';
import { createTestSchema } from '../test-support/test-schema';
import { insertOnceWithEvent } from './outbox';

describe('insertOnceWithEvent (real Postgres)', () => {
  let db: Awaited<ReturnType<typeof createTestSchema>>;

  beforeAll(async () => {
    db = await createTestSchema('outbox_once', [CreateMessagingTables1763900000000]);
    await db.dataSource.query(`CREATE TABLE received (id uuid PRIMARY KEY, dedupe_key text NOT NULL UNIQUE, body jsonb NOT NULL)`);
  });
  afterAll(() => db.drop());

  const receive = (id: string, dedupeKey: string, body: string) =>
    insertOnceWithEvent(
      db.dataSource,
      { table: 'received', conflictTarget: 'dedupe_key', values: { id, dedupe_key: dedupeKey, body } },
      { eventId: id, topic: 't', key: 'k', type: 'test.received.v1', payload: body, occurredAt: new Date('2026-11-23T10:00:00Z') },
    );

  it('stores the row and its event together, and a second insert of the same key is a no-op without an event', async () => {
    const first = '7d1f0a3e-0000-4000-8000-000000000001';
    const second = '7d1f0a3e-0000-4000-8000-000000000002';
    await expect(receive(first, 'evt:1:ACTIVE', '{"amount":0.123456789012345678}')).resolves.toBe(true);
    await expect(receive(second, 'evt:1:ACTIVE', '{"amount":1}')).resolves.toBe(false);

    expect(await db.dataSource.query(`SELECT id FROM received WHERE dedupe_key = 'evt:1:ACTIVE'`)).toEqual([{ id: first }]);
    const events = await db.dataSource.query(`SELECT event_id, event_type, payload::text AS payload, occurred_at FROM outbox ORDER BY seq`);
    expect(events).toEqual([
      { event_id: first, event_type: 'test.received.v1', payload: '{"amount": 0.123456789012345678}', occurred_at: new Date('2026-11-23T10:00:00Z') },
    ]);
  });

  it('wakes the relay (NOTIFY outbox) only when an event was queued', async () => {
    const listener = new Client({ connectionString: testEnv().databaseUrl });
    await listener.connect();
    const notified: string[] = [];
    listener.on('notification', (n) => notified.push(n.payload ?? ''));
    await listener.query('LISTEN outbox');
    try {
      await receive('7d1f0a3e-0000-4000-8000-000000000003', 'evt:2:ACTIVE', '{}');
      await receive('7d1f0a3e-0000-4000-8000-000000000004', 'evt:2:ACTIVE', '{}');
      // The first notification must come; then a short window in which a second one would show.
      for (const deadline = Date.now() + 10_000; notified.length === 0 && Date.now() < deadline; ) await new Promise((r) => setTimeout(r, 20));
      await new Promise((r) => setTimeout(r, 300));
      expect(notified).toEqual([db.schema]);
    } finally {
      await listener.end();
    }
  });
});
