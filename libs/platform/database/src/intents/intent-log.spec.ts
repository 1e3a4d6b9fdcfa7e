import { DomainError } from '@platform/contracts';
import { AddIntentSubject1764700000000 } from '../migrations/add-intent-subject.migration';
import { CreateMessagingTables1763900000000 } from '../migrations/create-messaging-tables.migration';
import { createTestSchema } from '../test-support/test-schema';
import { IntentLog, type FailureClassification } from './intent-log';

class FakeP100Error extends Error {
  constructor(readonly kind: FailureClassification['kind'], readonly code: string) {
    super(`${code} failure`);
  }
}
const classify = (e: unknown): FailureClassification =>
  e instanceof FakeP100Error ? { kind: e.kind, code: e.code, message: e.message } : { kind: 'unknown', code: 'INTERNAL', message: String(e) };

describe('IntentLog (real Postgres)', () => {
  let db: Awaited<ReturnType<typeof createTestSchema>>;
  let log: IntentLog;
  beforeAll(async () => {
    db = await createTestSchema('intents', [CreateMessagingTables1763900000000, AddIntentSubject1764700000000]);
    log = new IntentLog(db.dataSource);
  });
  afterAll(() => db.drop());

  it('records the intent before calling P100 and replays the stored result instead of calling again', async () => {
    let calls = 0;
    const call = async () => {
      const [row] = await db.dataSource.query(`SELECT status FROM p100_intents WHERE idempotency_key = 'k1'`);
      expect(row.status).toBe('pending');
      calls += 1;
      return { userId: 'p100-1' };
    };
    const opts = { operation: 'createUserAccount', request: { a: 1 }, classify };
    expect(await log.execute('k1', opts, call)).toEqual({ userId: 'p100-1' });
    expect(await log.execute('k1', opts, call)).toEqual({ userId: 'p100-1' });
    expect(calls).toBe(1);
  });

  it('refuses the same key for a different request', async () => {
    await log.execute('k2', { operation: 'op', request: { a: 1 }, classify }, async () => 'ok');
    await expect(log.execute('k2', { operation: 'op', request: { a: 2 }, classify }, async () => 'ok')).rejects.toMatchObject({
      code: 'IDEMPOTENCY_KEY_REUSED',
    });
  });

  it('repeats a business rejection without calling P100 again', async () => {
    let calls = 0;
    const fail = async () => {
      calls += 1;
      throw new FakeP100Error('rejected', 'P431');
    };
    await expect(log.execute('k3', { operation: 'op', request: {}, classify }, fail)).rejects.toBeInstanceOf(FakeP100Error);
    await expect(log.execute('k3', { operation: 'op', request: {}, classify }, fail)).rejects.toEqual(expect.any(DomainError));
    expect(calls).toBe(1);
  });

  it('tries again when the first request provably never reached P100', async () => {
    let calls = 0;
    const flaky = async () => {
      calls += 1;
      if (calls === 1) throw new FakeP100Error('not_sent', 'P100_UNAVAILABLE');
      return 'done';
    };
    await expect(log.execute('k4', { operation: 'op', request: {}, classify }, flaky)).rejects.toBeInstanceOf(FakeP100Error);
    expect(await log.execute('k4', { operation: 'op', request: {}, classify }, flaky)).toBe('done');
  });

  it('does not repeat a call whose outcome is unknown unless the operation allows it', async () => {
    const timeout = async () => Promise.reject(new FakeP100Error('unknown', 'UPSTREAM_TIMEOUT'));
    await expect(log.execute('k5', { operation: 'op', request: {}, classify }, timeout)).rejects.toBeInstanceOf(FakeP100Error);
    await expect(log.execute('k5', { operation: 'op', request: {}, classify }, async () => 'x')).rejects.toMatchObject({
      code: 'IDEMPOTENCY_REQUEST_IN_PROGRESS',
    });
    expect(await log.execute('k5', { operation: 'op', request: {}, classify, reattemptUnknown: true }, async () => 'x')).toBe('x');
  });
});
