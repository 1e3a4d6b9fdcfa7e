import { createUser, json, type TestSandbox } from './support/test-sandbox';
import { useTestSandbox } from './support/sandbox-fixture';

/** Sets a fault through the admin API and asserts it was accepted. */
async function putFault(sandbox: TestSandbox, group: string, body: unknown) {
  const response = await sandbox.admin(`/admin/faults/${group}`, { ...json(body), method: 'PUT' });
  expect(response.status).toBe(200);
  return response.json();
}

describe('Fault injection per endpoint group', () => {
  const { sandbox } = useTestSandbox();
  let externalUserId: string;

  const balances = (init: RequestInit = {}) => sandbox.p100(`/v1/user/balances/${externalUserId}`, init);

  beforeAll(async () => {
    ({ externalUserId } = await createUser(sandbox));
  });

  afterEach(async () => {
    expect((await sandbox.admin('/admin/faults', { method: 'DELETE' })).status).toBe(200);
  });

  it('answers P501 with HTTP 400 and P100 body for the next n requests of the group only', async () => {
    await putFault(sandbox, 'users', { failure: { kind: 'error', errorCode: 'P501' }, count: 2 });

    for (let i = 0; i < 2; i += 1) {
      const failed = await balances();
      expect(failed.status).toBe(400);
      expect(await failed.json()).toEqual({ errorCode: 'P501', errorName: 'service-unavailable', errorMessage: expect.any(String) });
    }
    expect((await balances()).status).toBe(200);

    const { faults } = await (await sandbox.admin('/admin/faults')).json();
    expect(faults).toEqual([expect.objectContaining({ group: 'users', remaining: 0, count: 2 })]);
  });

  it('sends the P100 body with a 5xx status when asked, and leaves other groups alone', async () => {
    await putFault(sandbox, 'kyc', { failure: { kind: 'error', errorCode: 'P500', httpStatus: 502 } });

    const failed = await sandbox.p100('/v1/user/verification', json({ externalUserId }));
    expect(failed.status).toBe(502);
    expect(await failed.json()).toMatchObject({ errorCode: 'P500', errorName: 'unknown-exception' });
    expect((await balances()).status).toBe(200);
  });

  it('answers 429 with Retry-After', async () => {
    await putFault(sandbox, 'users', { failure: { kind: 'rate-limit', retryAfterSeconds: 7 } });
    const limited = await balances();
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('7');
  });

  it('adds latency before answering normally', async () => {
    await putFault(sandbox, 'users', { latencyMs: 300 });
    const started = performance.now();
    const response = await balances();
    expect(response.status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
  });

  it('hangs on a timeout fault until the client gives up', async () => {
    await putFault(sandbox, 'users', { failure: { kind: 'timeout' }, count: 1 });
    const started = performance.now();
    await expect(balances({ signal: AbortSignal.timeout(400) })).rejects.toThrow(/timeout|aborted/i);
    expect(performance.now() - started).toBeGreaterThanOrEqual(390);
    expect((await balances()).status).toBe(200);
  });

  it('simulates an outage as 503 or as a reset connection', async () => {
    await putFault(sandbox, 'users', { failure: { kind: 'outage', mode: 'service-unavailable' }, count: 1 });
    expect((await balances()).status).toBe(503);

    await putFault(sandbox, 'users', { failure: { kind: 'outage', mode: 'connection-reset' }, count: 1 });
    await expect(balances()).rejects.toThrow(/fetch failed/);
    expect((await balances()).status).toBe(200);
  });

  it('never affects the admin API or health, and a reset clears every fault', async () => {
    await putFault(sandbox, 'users', { failure: { kind: 'outage' } });
    expect((await sandbox.admin('/admin/faults')).status).toBe(200);
    expect((await sandbox.admin('/health')).status).toBeLessThan(500);

    expect((await sandbox.admin('/admin/reset', { method: 'POST' })).status).toBe(200);
    expect(await (await sandbox.admin('/admin/faults')).json()).toEqual({ faults: [] });
    ({ externalUserId } = await createUser(sandbox));
  });

  it('rejects an unknown group or a fault without effect with the platform error body', async () => {
    const unknown = await sandbox.admin('/admin/faults/payments', { ...json({ latencyMs: 1 }), method: 'PUT' });
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
    const empty = await sandbox.admin('/admin/faults/users', { ...json({}), method: 'PUT' });
    expect(empty.status).toBe(400);
  });
});
