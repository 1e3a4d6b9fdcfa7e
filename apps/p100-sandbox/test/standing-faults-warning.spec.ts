import { Logger } from '@nestjs/common';
import { json } from './support/test-sandbox';
import { useTestSandbox } from './support/sandbox-fixture';

describe('the start-up warning about faults and webhook drops left in force', () => {
  const { sandbox, start, stop } = useTestSandbox({ boot: false });
  // The sandbox logs through Nest's Logger (silent in tests); the spy sees the calls regardless.
  const warn = jest.spyOn(Logger.prototype, 'warn');
  const standingWarnings = () => warn.mock.calls.map(([message]) => message).filter((m) => typeof m === 'string' && m.includes('still in force'));

  afterAll(() => warn.mockRestore());

  it('names them once at the next start, keeps them in force, and is quiet once they are cleared', async () => {
    await start();
    expect(standingWarnings()).toEqual([]);
    const fault = await sandbox.admin('/admin/faults/users', { ...json({ failure: { kind: 'outage' } }), method: 'PUT' });
    expect(fault.status).toBe(200);
    expect((await sandbox.admin('/admin/webhooks/drops/internal-transfer', { ...json({ count: 2 }), method: 'PUT' })).status).toBe(200);
    await stop();

    warn.mockClear();
    await start();
    const warnings = standingWarnings();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('fault users: outage service-unavailable, until cleared');
    expect(warnings[0]).toContain('webhook drop internal-transfer: 2 webhook(s) left');
    expect(warnings[0]).toContain('DELETE /admin/faults and DELETE /admin/webhooks/drops');
    // Not cleared automatically: tests set faults before restarts on purpose.
    expect((await sandbox.p100('/v1/user/balances/anyone')).status).toBe(503);
    expect((await (await sandbox.admin('/admin/webhooks/drops')).json()).drops).toHaveLength(1);

    expect((await sandbox.admin('/admin/faults', { method: 'DELETE' })).status).toBe(200);
    expect((await sandbox.admin('/admin/webhooks/drops', { method: 'DELETE' })).status).toBe(200);
    await stop();
    warn.mockClear();
    await start();
    expect(standingWarnings()).toEqual([]);
  });
});
