import { AddIntentSubject1764700000000 } from '../migrations/add-intent-subject.migration';
import { CreateMessagingTables1763900000000 } from '../migrations/create-messaging-tables.migration';
import { createTestSchema } from '../test-support/test-schema';
import { IntentLog, type FailureClassification } from './intent-log';
import { IntentReconciler, type OpenIntent, type Resolution } from './intent-reconciler';

const unknownFailure = (): FailureClassification => ({ kind: 'unknown', code: 'P100_UNAVAILABLE', message: 'timed out' });

describe('IntentReconciler (real Postgres)', () => {
  let db: Awaited<ReturnType<typeof createTestSchema>>;
  let log: IntentLog;
  beforeAll(async () => {
    db = await createTestSchema('reconciler', [CreateMessagingTables1763900000000, AddIntentSubject1764700000000]);
    log = new IntentLog(db.dataSource);
  });
  afterAll(() => db.drop());

  /** An intent whose call timed out: its outcome is unknown. */
  const leaveUnknown = async (key: string, subject: Record<string, string>) => {
    await log
      .execute(key, { operation: 'createThing', request: subject, classify: unknownFailure, subject }, async () => {
        throw new Error('timeout');
      })
      .catch(() => undefined);
  };
  const statusOf = async (key: string) => (await db.dataSource.query('SELECT status, response FROM p100_intents WHERE idempotency_key = $1', [key]))[0];
  const reconcilerWith = (resolve: (intent: OpenIntent) => Promise<Resolution>) =>
    new IntentReconciler({ dataSource: db.dataSource, resolvers: [{ operation: 'createThing', resolve }], unknownAfterMs: 0, intervalMs: 50 });

  it('settles an unknown intent as succeeded when P100 did it, and applies the service\'s effect in the same transaction', async () => {
    await db.dataSource.query('CREATE TABLE things (id text PRIMARY KEY, state text NOT NULL)');
    await db.dataSource.query(`INSERT INTO things VALUES ('t-1', 'CREATING')`);
    await leaveUnknown('k-done', { thingId: 't-1' });
    const seen: OpenIntent[] = [];
    const reconciler = reconcilerWith(async (intent) => {
      seen.push(intent);
      return { outcome: 'done', response: { p100Id: 'p-1' }, apply: (m) => m.query(`UPDATE things SET state = 'CREATED' WHERE id = $1`, [intent.subject!.thingId]) };
    });
    expect(await reconciler.reconcileOnce()).toBe(1);
    expect(seen[0]).toMatchObject({ status: 'unknown', subject: { thingId: 't-1' } });
    expect(await statusOf('k-done')).toEqual({ status: 'succeeded', response: { p100Id: 'p-1' } });
    expect((await db.dataSource.query(`SELECT state FROM things WHERE id = 't-1'`))[0].state).toBe('CREATED');
    // Settled once: a second pass finds nothing.
    expect(await reconciler.reconcileOnce()).toBe(0);
  });

  it('marks an intent P100 has no trace of as not sent, so that it may be requested again', async () => {
    await leaveUnknown('k-absent', { thingId: 't-2' });
    expect(await reconcilerWith(async () => ({ outcome: 'absent' })).reconcileOnce()).toBe(1);
    expect((await statusOf('k-absent')).status).toBe('not_sent');
  });

  it('leaves an intent open while P100 cannot tell, and when the resolver throws', async () => {
    await leaveUnknown('k-later', { thingId: 't-3' });
    expect(await reconcilerWith(async () => ({ outcome: 'unknown' })).reconcileOnce()).toBe(0);
    expect(await reconcilerWith(async () => Promise.reject(new Error('P100 still hangs'))).reconcileOnce()).toBe(0);
    expect((await statusOf('k-later')).status).toBe('unknown');
    await reconcilerWith(async () => ({ outcome: 'absent' })).reconcileOnce();
  });

  it('does not settle an intent that changed while P100 was asked (its caller retried it)', async () => {
    await leaveUnknown('k-raced', { thingId: 't-4' });
    const reconciler = reconcilerWith(async (intent) => {
      if (intent.idempotencyKey === 'k-raced') await db.dataSource.query(`UPDATE p100_intents SET status = 'pending', attempts = attempts + 1, updated_at = now() WHERE idempotency_key = 'k-raced'`);
      return { outcome: 'absent' };
    });
    expect(await reconciler.reconcileOnce()).toBe(0);
    expect((await statusOf('k-raced')).status).toBe('pending');
  });

  it('waits for an intent to be old enough: a young unknown one may still be retried by its caller', async () => {
    await leaveUnknown('k-young', { thingId: 't-5' });
    const patient = new IntentReconciler({ dataSource: db.dataSource, resolvers: [{ operation: 'createThing', resolve: async () => ({ outcome: 'absent' }) }], unknownAfterMs: 60_000 });
    expect(await patient.reconcileOnce()).toBe(0);
  });

  it('runs passes on its own once started, and stops', async () => {
    await db.dataSource.query(`DELETE FROM p100_intents WHERE status IN ('pending', 'unknown')`);
    await leaveUnknown('k-timer', { thingId: 't-6' });
    const reconciler = reconcilerWith(async () => ({ outcome: 'absent' }));
    reconciler.start();
    const deadline = Date.now() + 5_000;
    while ((await statusOf('k-timer')).status !== 'not_sent' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    await reconciler.stop();
    expect((await statusOf('k-timer')).status).toBe('not_sent');
  });
});
