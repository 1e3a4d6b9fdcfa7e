import type { DataSource } from 'typeorm';
import { DomainError } from '@platform/contracts';
import { createDataSource, runMigrations } from '@platform/database';
import { testEnv, uniqueName } from '@platform/testing';
import { CreateIdempotencyKeys1763900000300 } from '../migrations/1763900000300-create-idempotency-keys';
import { IN_PROGRESS_LEASE_MARGIN_MS, IdempotencyService } from './idempotency.service';

const COMMAND_TIMEOUT_MS = 15_000;
const LEASE_S = (COMMAND_TIMEOUT_MS + IN_PROGRESS_LEASE_MARGIN_MS) / 1000;

/**
 * Idempotency-Key state on real Postgres, around a gateway that died mid-request (SIGKILL): its
 * key is left `in_progress`. Within the lease that is a request still running (409); after it,
 * the same request takes the key over and gets an answer; another request never does.
 */
describe('IdempotencyService: a key left in progress by a dead gateway', () => {
  let dataSource: DataSource;
  let schema: string;
  let service: IdempotencyService;

  beforeAll(async () => {
    schema = uniqueName('t_gw_idem').toLowerCase();
    dataSource = createDataSource({ url: testEnv().databaseUrl, schema, migrations: [CreateIdempotencyKeys1763900000300], poolSize: 3 });
    await dataSource.initialize();
    await runMigrations(dataSource, schema);
    service = new IdempotencyService(dataSource, { GATEWAY_COMMAND_TIMEOUT_MS: COMMAND_TIMEOUT_MS });
  });
  afterAll(async () => {
    await dataSource?.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await dataSource?.destroy();
  });

  /** What a gateway killed while running the first request leaves: the row, `in_progress`, begun `agoS` ago. */
  async function abandoned(key: string, request: unknown, agoS: number): Promise<void> {
    const never = new Promise<never>(() => {});
    void service.run('shop', key, request, 202, () => never);
    // The row is written before the handler is called; wait for it, then date it back.
    for (let i = 0; i < 100; i += 1) {
      const rows = await dataSource.query(`SELECT 1 FROM idempotency_keys WHERE caller = 'shop' AND idempotency_key = $1`, [key]);
      if (rows.length === 1) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    await dataSource.query(`UPDATE idempotency_keys SET created_at = now() - make_interval(secs => $2) WHERE caller = 'shop' AND idempotency_key = $1`, [key, agoS]);
  }

  it('answers 409 in progress while the first request may still be running, and runs nothing', async () => {
    await abandoned('k-running', { amount: '1.00' }, LEASE_S - 5);
    const handler = jest.fn(async () => ({ movementId: 'm-1' }));
    await expect(service.run('shop', 'k-running', { amount: '1.00' }, 202, handler)).rejects.toMatchObject({ code: 'IDEMPOTENCY_REQUEST_IN_PROGRESS' });
    expect(handler).not.toHaveBeenCalled();
  });

  it('lets the same request take the key over once the lease has passed, and replays its answer after', async () => {
    await abandoned('k-dead', { amount: '2.00' }, LEASE_S + 1);
    const handler = jest.fn(async () => ({ movementId: 'm-2' }));
    expect(await service.run('shop', 'k-dead', { amount: '2.00' }, 202, handler)).toEqual({ status: 202, body: { movementId: 'm-2' } });
    const again = jest.fn(async () => ({ movementId: 'other' }));
    expect(await service.run('shop', 'k-dead', { amount: '2.00' }, 202, again)).toEqual({ status: 202, body: { movementId: 'm-2' } });
    expect([handler.mock.calls.length, again.mock.calls.length]).toEqual([1, 0]);
  });

  it('lets only one of several concurrent retries take an expired key over', async () => {
    await abandoned('k-race', { amount: '3.00' }, LEASE_S + 1);
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const handler = jest.fn(async () => {
      await held;
      return { movementId: 'm-3' };
    });
    const retries = Array.from({ length: 5 }, () => service.run('shop', 'k-race', { amount: '3.00' }, 202, handler).then((r) => r.status, (e) => e.code));
    // The first takeover holds the key while the others are answered.
    for (let i = 0; i < 100 && handler.mock.calls.length === 0; i += 1) await new Promise((r) => setTimeout(r, 20));
    release();
    const outcomes = await Promise.all(retries);
    expect(handler).toHaveBeenCalledTimes(1);
    // Each other retry is told it is in progress, or (once the taker answered) gets its answer.
    expect(outcomes.filter((o) => o !== 202 && o !== 'IDEMPOTENCY_REQUEST_IN_PROGRESS')).toEqual([]);
    expect(outcomes).toContain(202);
  });

  it('never hands an expired key to another request: 422, nothing run', async () => {
    await abandoned('k-other', { amount: '4.00' }, LEASE_S + 1);
    const handler = jest.fn(async () => ({ movementId: 'm-4' }));
    await expect(service.run('shop', 'k-other', { amount: '999.00' }, 202, handler)).rejects.toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
    expect(handler).not.toHaveBeenCalled();
  });

  it('does not store a domain service\'s own "in progress": the next retry runs again and its answer is kept', async () => {
    const inProgress = jest.fn(async () => {
      throw new DomainError('IDEMPOTENCY_REQUEST_IN_PROGRESS', 'request shop:k-open is being sent to P100; ask again shortly');
    });
    await expect(service.run('shop', 'k-open', { amount: '6.00' }, 202, inProgress)).rejects.toMatchObject({ code: 'IDEMPOTENCY_REQUEST_IN_PROGRESS' });
    const settled = jest.fn(async () => ({ movementId: 'm-6', status: 'UNKNOWN' }));
    expect(await service.run('shop', 'k-open', { amount: '6.00' }, 202, settled)).toEqual({ status: 202, body: { movementId: 'm-6', status: 'UNKNOWN' } });
    expect(settled).toHaveBeenCalledTimes(1);
    // A final 4xx is still stored and replayed.
    const refused = jest.fn(async () => {
      throw new DomainError('INSUFFICIENT_FUNDS', 'not enough');
    });
    await expect(service.run('shop', 'k-refused', { amount: '7.00' }, 202, refused)).rejects.toMatchObject({ code: 'INSUFFICIENT_FUNDS' });
    const later = jest.fn(async () => ({ movementId: 'm-7' }));
    expect(await service.run('shop', 'k-refused', { amount: '7.00' }, 202, later)).toMatchObject({ body: { error: { code: 'INSUFFICIENT_FUNDS' } } });
    expect(later).not.toHaveBeenCalled();
  });

  it('never takes over a completed key, however old: the stored answer is replayed', async () => {
    expect(await service.run('shop', 'k-done', { amount: '5.00' }, 202, async () => ({ movementId: 'm-5' }))).toEqual({ status: 202, body: { movementId: 'm-5' } });
    await dataSource.query(`UPDATE idempotency_keys SET created_at = now() - interval '1 day' WHERE idempotency_key = 'k-done'`);
    const handler = jest.fn(async () => ({ movementId: 'other' }));
    expect(await service.run('shop', 'k-done', { amount: '5.00' }, 202, handler)).toEqual({ status: 202, body: { movementId: 'm-5' } });
    expect(handler).not.toHaveBeenCalled();
  });
});
