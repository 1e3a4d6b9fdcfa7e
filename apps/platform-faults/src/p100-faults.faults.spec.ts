import { Client } from 'pg';
import { testEnv } from '@platform/testing';
import { progress, sized, startFaultPlatform, type FaultPlatform } from './faults.harness';
import { readBreakers, transitionsSince } from './support/breaker-metrics';
import { FaultRotation } from './support/fault-rotation';
import { fundedUser } from './support/funded-users';
import { eventually, sandboxAdmin } from './support/gateway-client';
import { MixedMoneyLoad } from './support/mixed-money-load';
import { MONEY_GROUPS } from './support/money-commands';
import { databaseNow, matchSideEffects, openMovements, ourMovements, p100MoneyRecords } from './support/p100-side-effects';

/**
 * Scenario (b): the sandbox fails 30 % of the money endpoints' requests (P500 as HTTP 500, 503,
 * no answer, 429; rotating per group) while a mixed money-moving load runs through the gateway.
 * Verified: breakers opened and closed again; only 2xx, 4xx, 503 and 504 with stable codes;
 * every acknowledged command is one movement; once the faults stop every movement ends
 * COMPLETED or FAILED; P100's own records match our movements one to one.
 */
const FAULT_MS = sized(8_000, 60_000);
const USERS = sized(3, 6);
const WORKERS = sized(6, 8);
const ERROR_RATE = 0.3;
/** Timeouts scaled down together (docs/timeouts.md), breakers that trip under a 30 % failure rate and retry after 2 s. */
const ENV = {
  P100_TIMEOUT_MS: '1000',
  GATEWAY_COMMAND_TIMEOUT_MS: '4000',
  P100_BREAKER_ERROR_THRESHOLD_PERCENTAGE: '20',
  P100_BREAKER_VOLUME_THRESHOLD: '6',
  P100_BREAKER_ROLLING_COUNT_TIMEOUT_MS: '10000',
  P100_BREAKER_RESET_TIMEOUT_MS: '2000',
  // Past the sandbox's processing and its whole webhook retry schedule at time scale 0.2 (1.6 + 3.2 + 6.4 + 12.8 s).
  PAYMENTS_UNKNOWN_NO_TRACE_AFTER_MS: '30000',
};
const FINAL = ['COMPLETED', 'FAILED'];

describe('scenario b: P100 failing 30 % of money calls under a mixed load', () => {
  let platform: FaultPlatform;
  let db: Client;
  let users: string[];

  beforeAll(async () => {
    platform = await startFaultPlatform(ENV, Number(process.env.FAULTS_BASE_PORT || 5600));
    db = new Client({ connectionString: testEnv().databaseUrl });
    await db.connect();
    users = await Promise.all(Array.from({ length: USERS }, (_, i) => fundedUser(platform.gateway, platform.sandbox, `b${i}`, '10000.00', '5')));
    // The partner funds the transfers to users; its SEPA payouts go off its contact list and fail at P100.
    expect((await sandboxAdmin(platform.sandbox, 'POST', '/admin/ledger/credit', { partner: true, currency: 'eur', amount: '100000.00' })).status).toBe(200);
    progress('b', `${users.length} users onboarded through the gateway (KYC passed, EUR by SEPA deposit, ETH credited)`);
  });
  afterAll(async () => {
    if (platform) await sandboxAdmin(platform.sandbox, 'DELETE', '/admin/faults').catch(() => undefined);
    await db?.end();
    await platform?.stop();
  });

  it('opens and closes breakers, duplicates no money movement and settles every movement once the faults stop', async () => {
    const payments = platform.running.payments!.url;
    const before = await readBreakers(payments);
    const load = new MixedMoneyLoad(platform.gateway, users, 0.3);
    const faults = new FaultRotation(platform.sandbox, MONEY_GROUPS, ERROR_RATE, 1_000);

    // Earlier scenarios of the run leave their movements in the same tables: only this load's count.
    const since = await databaseNow(db);
    await faults.start();
    const started = Date.now();
    await load.run(WORKERS, started + FAULT_MS);
    const during = await readBreakers(payments);
    await faults.stop();
    progress('b', `${(FAULT_MS / 1000).toFixed(0)} s of faults on ${MONEY_GROUPS.join(', ')} at ${ERROR_RATE * 100} %: ${JSON.stringify(faults.applied)} (group-seconds); ${load.sent.length} commands, ${load.resent} re-sent with the same key, locks ${JSON.stringify(load.locks)}`);
    const opened = transitionsSince(before, during, 'open');
    progress('b', `breakers opened during the faults: ${JSON.stringify(opened)}`);
    expect(Object.keys(opened).length).toBeGreaterThan(0);

    // Faults off. Commands still unanswered are sent once more with their key, as a client would.
    const retried = await load.settleUnanswered(Date.now() + 30_000);
    // Traffic lets each breaker try P100 again: keep a trickle of commands until all are closed.
    const healed = await eventually(
      async () => {
        await load.run(1, Date.now() + 500);
        return readBreakers(payments);
      },
      // Closed now, after a close since the load began (a failed trial call opens it again without one).
      (r) => Object.keys(opened).every((g) => r.state[g] === 0 && (transitionsSince(before, r, 'closed')[g] ?? 0) > 0),
      30_000,
      'every breaker that opened closed again',
    );
    progress('b', `after the faults: ${retried} unanswered commands re-sent with their key; breakers closed again: ${JSON.stringify(transitionsSince(before, healed, 'closed'))}, states ${JSON.stringify(healed.state)}`);
    progress('b', `gateway answers: ${JSON.stringify(Object.fromEntries(Object.entries(load.outcomes).sort()))}`);
    expect(load.unexpected).toEqual([]);

    // Every acknowledged command is exactly one movement, and a resend with its key got that one.
    const acked = load.sent.filter((c) => c.movementIds.size > 0);
    expect(acked.filter((c) => c.movementIds.size > 1).map((c) => `${c.kind} ${c.idempotencyKey}: ${[...c.movementIds].join(', ')}`)).toEqual([]);
    const ackedIds = acked.map((c) => [...c.movementIds][0]!);
    const { rows: held } = await db.query(`SELECT id::text FROM payments.movements WHERE id = ANY($1::uuid[])`, [ackedIds]);
    expect(held.length).toBe(new Set(ackedIds).size);
    expect(new Set(ackedIds).size).toBe(acked.length);
    progress('b', `${acked.length} commands acknowledged (202), each one movement; ${load.sent.length - acked.length} refused with a stable code`);

    // Every movement reaches a final status, by webhook or the poller.
    const settledWithin = Date.now();
    await eventually(() => openMovements(db, since), (open) => open.length === 0, sized(60_000, 120_000), 'every movement COMPLETED or FAILED');
    const movements = await ourMovements(db, since);
    expect(movements.filter((m) => !FINAL.includes(m.status))).toEqual([]);
    const statuses = movements.reduce<Record<string, number>>((n, m) => ({ ...n, [`${m.kind} ${m.status}`]: (n[`${m.kind} ${m.status}`] ?? 0) + 1 }), {});
    progress('b', `all ${movements.length} movements final ${((Date.now() - settledWithin) / 1000).toFixed(1)} s after the faults stopped: ${JSON.stringify(statuses)}`);

    // P100's own records against ours: nothing executed twice, nothing we do not hold.
    const records = await p100MoneyRecords(db, since);
    const match = matchSideEffects(records, movements);
    expect(match).toEqual({ duplicatedAtP100: [], recordsNotHeldOnce: [], movementsWithoutTheirRecord: [], unheldButExecuted: [] });
    const calls = (await sandboxAdmin(platform.sandbox, 'GET', `/admin/requests?since=${started}`)).body.requests as Array<{ method: string; group: string | null }>;
    const posts = calls.filter((c) => c.method === 'POST' && c.group && (MONEY_GROUPS as readonly string[]).includes(c.group)).length;
    progress('b', `${records.length} money records at P100 (sandbox tables), each held by exactly one movement and none executed twice; ${posts} money POSTs in the sandbox's call log since the load started`);
  });
});
