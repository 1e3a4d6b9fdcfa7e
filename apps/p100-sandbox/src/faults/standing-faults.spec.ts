import type { WebhookDropRow } from '../webhooks/webhook-drops.repository';
import type { FaultRow } from './faults.repository';
import { standingFaultsWarning } from './standing-faults';

const at = new Date('2025-01-01T00:00:00Z');
const fault = (group: string, config: Partial<FaultRow['config']>, remaining: number | null): FaultRow => ({
  endpoint_group: group,
  config: { latencyMs: 0, answerLatencyMs: 0, errorRate: 1, ...config },
  remaining,
  updated_at: at,
});
const drop = (event: string, remaining: number, externalUserId: string | null = null): WebhookDropRow => ({
  id: '1',
  event,
  external_user_id: externalUserId,
  count: 5,
  remaining,
  updated_at: at,
});

describe('the start-up warning about faults and webhook drops in force', () => {
  it('says nothing when nothing is in force, spent counts included', () => {
    expect(standingFaultsWarning([], [])).toBeUndefined();
    expect(standingFaultsWarning([fault('users', { failure: { kind: 'timeout' } }, 0)], [drop('exchange', 0)])).toBeUndefined();
  });

  it('lists every fault and drop in force in one line, with how to clear them', () => {
    const warning = standingFaultsWarning(
      [
        fault('users', { failure: { kind: 'outage', mode: 'service-unavailable' } }, null),
        fault('kyc', { failure: { kind: 'error', errorCode: 'P501' }, latencyMs: 200 }, 2),
        fault('cards', { failure: { kind: 'timeout' } }, 0),
      ],
      [drop('internal-transfer', 1), drop('exchange', 3, 'user-7')],
    );
    expect(warning).not.toContain('\n');
    expect(warning).toContain('fault users: outage service-unavailable, until cleared');
    expect(warning).toContain('fault kyc: error P501, latencyMs 200, 2 request(s) left');
    expect(warning).not.toContain('cards');
    expect(warning).toContain('webhook drop internal-transfer: 1 webhook(s) left');
    expect(warning).toContain('webhook drop exchange for user user-7: 3 webhook(s) left');
    expect(warning).toContain('DELETE /admin/faults');
    expect(warning).toContain('DELETE /admin/webhooks/drops');
  });
});
