import { CreateMessagingTables1763900000000 } from '../migrations/create-messaging-tables.migration';
import { createTestSchema } from '../test-support/test-schema';
import { enqueueEvent } from './outbox';
import { claimOutboxBatch } from './outbox-batch';

const TOPIC = 'onboarding.events';

describe('claimOutboxBatch (real Postgres)', () => {
  let db: Awaited<ReturnType<typeof createTestSchema>>;

  beforeAll(async () => {
    db = await createTestSchema('outbox_batch', [CreateMessagingTables1763900000000]);
  });
  afterAll(async () => {
    await db.drop();
  });
  beforeEach(async () => {
    await db.dataSource.query('DELETE FROM outbox');
  });

  const enqueue = (key: string, n: number) => db.dataSource.transaction((m) => enqueueEvent(m, { topic: TOPIC, key, type: 'test.batch.v1', payload: { n, amount: '0.10000000000000000001' } }));

  it('reads the unpublished rows oldest first, up to the batch size, payload as exact text', async () => {
    const ids = [await enqueue('a', 0), await enqueue('b', 1), await enqueue('a', 2)];
    await db.dataSource.query('UPDATE outbox SET published_at = now() WHERE event_id = $1', [ids[1]]);
    const batch = await db.dataSource.transaction((m) => claimOutboxBatch(m, db.schema, 10));
    expect(batch.locked).toBe(true);
    expect(batch.rows.map((r) => r.event_id)).toEqual([ids[0], ids[2]]);
    expect(batch.rows[0]!.payload).toContain('"amount": "0.10000000000000000001"');
    expect(batch.rows[0]).not.toHaveProperty('locked');
    const limited = await db.dataSource.transaction((m) => claimOutboxBatch(m, db.schema, 1));
    expect(limited.rows.map((r) => r.event_id)).toEqual([ids[0]]);
  });

  it('says locked with no rows when the outbox is empty', async () => {
    await expect(db.dataSource.transaction((m) => claimOutboxBatch(m, db.schema, 10))).resolves.toEqual({ locked: true, rows: [] });
  });

  it('reads nothing while another transaction holds the schema, and holds it itself until commit', async () => {
    await enqueue('c', 0);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let claimedFirst!: () => void;
    const first = new Promise<void>((resolve) => (claimedFirst = resolve));
    const holder = db.dataSource.transaction(async (m) => {
      const batch = await claimOutboxBatch(m, db.schema, 10);
      claimedFirst();
      await held;
      return batch;
    });
    await first;
    const second = await db.dataSource.transaction((m) => claimOutboxBatch(m, db.schema, 10));
    release();
    expect((await holder).rows).toHaveLength(1);
    expect(second).toEqual({ locked: false, rows: [] });
    // Released at commit: the next transaction gets the schema again.
    expect((await db.dataSource.transaction((m) => claimOutboxBatch(m, db.schema, 10))).locked).toBe(true);
  });

  it('lets only its own transaction commit without waiting for the WAL flush', async () => {
    const [{ synchronous_commit: before }] = await db.dataSource.query('SHOW synchronous_commit');
    expect(before).not.toBe('off');
    const inside = await db.dataSource.transaction(async (m) => {
      await claimOutboxBatch(m, db.schema, 10);
      const [{ synchronous_commit }] = await m.query('SHOW synchronous_commit');
      return synchronous_commit;
    });
    expect(inside).toBe('off');
    // Local to that transaction: the pooled connections keep the server's setting afterwards.
    const after = await Promise.all(Array.from({ length: 5 }, () => db.dataSource.query('SHOW synchronous_commit')));
    for (const [{ synchronous_commit }] of after) expect(synchronous_commit).toBe(before);
  });
});
