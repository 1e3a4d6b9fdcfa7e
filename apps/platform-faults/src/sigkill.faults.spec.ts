import { randomBytes, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { MessageHeaders } from '@platform/contracts';
import { KafkaTestConsumer, newUserBody, testEnv } from '@platform/testing';
import { API_KEY, SCALE, WEBHOOK_TOKEN, progress, sized, startFaultPlatform, type FaultPlatform } from './faults.harness';
import { killInRotation } from './support/kill-rotation';
import { waitForOutboxesDrained } from './support/outbox-drain';
import { onboardActiveUser, sandboxCall } from './support/platform-requests';
import { sendUntilAnswered, tally, type Attempted } from './support/retrying-client';

/**
 * Scenario (c): every service is SIGKILLed in turn while commands and webhooks keep arriving, and
 * started again once the previous one is healthy. The clients retry as real ones do (the same
 * Idempotency-Key and correlation id; webhooks as P100 redelivers). Verified once the load has
 * stopped: every command and webhook was answered in the end; every acknowledged command exists
 * once and reached P100 at most once; every acknowledged webhook is stored once, published under
 * one event id and took effect once; every outbox drains; every service is healthy.
 */
const KILLED = ['gateway', 'onboarding-kyc', 'payments', 'cards', 'webhook-ingest'] as const;
const ROUNDS = sized(1, 20);
/** Between a restart being healthy and the next kill: the load runs on the whole platform a moment. */
const PAUSE_MS = sized(500, 300);
const COMMAND_CLIENTS = sized(3, 4);
const WEBHOOK_SENDERS = 2;
/**
 * How long clients keep retrying after the last restart: a request still unanswered then is a
 * defect. While services are being killed they retry for at most MAX_RETRYING_MS (a bound on the
 * loops, however slow restarts are on a crowded machine).
 */
const ANSWER_WITHIN_MS = 90_000;
const MAX_RETRYING_MS = 20 * 60_000;
const DRAIN_WITHIN_MS = 60_000;
const CALLER = 'product-dev';
const DEPOSIT_PATH = '/webhook/crypto-deposit/status';

interface Command {
  kind: 'transfer' | 'user';
  key: string;
  correlationId: string;
  subject: string;
  result: Attempted;
}
interface Webhook {
  depositId: string;
  user: string;
  deliveries: Attempted[];
}

describe('scenario c: SIGKILL of every service under load loses no acknowledged command or webhook and doubles no effect', () => {
  let platform: FaultPlatform;
  let db: Client;
  let published: KafkaTestConsumer;
  const users = [`sigkill-${randomBytes(3).toString('hex')}-a`, `sigkill-${randomBytes(3).toString('hex')}-b`];

  beforeAll(async () => {
    platform = await startFaultPlatform({}, Number(process.env.FAULTS_BASE_PORT || 5600));
    db = new Client({ connectionString: testEnv().databaseUrl });
    await db.connect();
    published = await KafkaTestConsumer.start(['p100.webhooks.crypto']);
    for (const user of users) await onboardActiveUser(platform, user);
    const credit = await sandboxCall(platform, 'POST', '/admin/ledger/credit', { partner: true, currency: 'eur', amount: '1000000.00' });
    if (credit.status !== 200) throw new Error(`crediting the partner: ${credit.status} ${JSON.stringify(credit.body)}`);
  });
  afterAll(async () => {
    await published?.stop();
    await db?.end();
    await platform?.stop();
  });

  it('kills each service under load; afterwards everything acknowledged is there once, outboxes drain, all healthy', async () => {
    const commands: Command[] = [];
    const webhooks: Webhook[] = [];
    let stopping = false;
    const loadStarted = Date.now();
    let answerBy = loadStarted + MAX_RETRYING_MS;
    const deadline = () => answerBy;

    const commandClient = async (client: number) => {
      for (let i = 0; !stopping; i += 1) {
        const key = randomUUID();
        const correlationId = `sigkill-${key}`;
        const headers = { 'x-api-key': API_KEY, 'idempotency-key': key, 'x-correlation-id': correlationId, 'content-type': 'application/json' };
        // Every fifth command a user creation, the second of each client's: a short run sends
        // only a few commands per client, and each kind must be among them.
        if (i % 5 === 1) {
          const user = `sigkill-new-${randomBytes(5).toString('hex')}`;
          const result = await sendUntilAnswered(`${platform.gateway}/v1/users`, { method: 'POST', headers, body: JSON.stringify(newUserBody(user)) }, deadline);
          commands.push({ kind: 'user', key, correlationId, subject: user, result });
        } else {
          const user = users[(client + i) % users.length]!;
          const amount = `${1 + (i % 9)}.${String(i % 100).padStart(2, '0')}`;
          const body = JSON.stringify({ amount, currency: 'eur' });
          const result = await sendUntilAnswered(`${platform.gateway}/v1/users/${user}/transfers/from-partner`, { method: 'POST', headers, body }, deadline);
          commands.push({ kind: 'transfer', key, correlationId, subject: user, result });
        }
      }
    };
    // P100's side: each deposit webhook is delivered twice (a redelivery), each delivery retried
    // until it is answered, as P100 does.
    const webhookSender = async (sender: number) => {
      for (let i = 0; !stopping; i += 1) {
        const depositId = `dep-${randomBytes(8).toString('hex')}`;
        const user = users[(sender + i) % users.length]!;
        // The amount as P100 writes it: a JSON number, kept as its digits by webhook-ingest.
        const body = `{"externalUserId":"${user}","cryptoDepositId":"${depositId}","amount":0.00${1 + (i % 9)},"currency":"eth","status":"SUCCESSFUL","transactionHash":"0x${randomBytes(32).toString('hex')}"}`;
        const init = { method: 'POST', headers: { authorization: WEBHOOK_TOKEN, 'content-type': 'application/json' }, body };
        const deliveries: Attempted[] = [];
        for (let d = 0; d < 2; d += 1) deliveries.push(await sendUntilAnswered(`${platform.webhookIngest}${DEPOSIT_PATH}`, init, deadline));
        webhooks.push({ depositId, user, deliveries });
      }
    };

    const load = [...Array.from({ length: COMMAND_CLIENTS }, (_, c) => commandClient(c)), ...Array.from({ length: WEBHOOK_SENDERS }, (_, s) => webhookSender(s))];
    progress('c', `${KILLED.length} services × ${ROUNDS} SIGKILL, ${COMMAND_CLIENTS} command clients (transfers from the partner, user creation), ${WEBHOOK_SENDERS} webhook senders (crypto deposits, each delivered twice)`);
    let rotation;
    try {
      rotation = await killInRotation(platform, KILLED, ROUNDS, PAUSE_MS, (name, round) => {
        if (round === ROUNDS || round % 5 === 0) progress('c', `round ${round}: ${name} killed and healthy again (${commands.length} commands, ${webhooks.length} webhooks so far)`);
      });
    } finally {
      stopping = true;
      answerBy = Math.min(answerBy, Date.now() + ANSWER_WITHIN_MS);
      await Promise.all(load);
    }
    const sorted = [...rotation.restartMs].sort((a, b) => a - b);
    progress('c', `load ${((Date.now() - loadStarted) / 1000).toFixed(0)} s: kills ${JSON.stringify(rotation.kills)}, SIGKILL → healthy median ${sorted[Math.floor(sorted.length / 2)]} ms, max ${sorted.at(-1)} ms`);

    // Every service is healthy after the last restart.
    for (const service of Object.values(platform.running)) await service.waitHealthy(60_000);
    progress('c', `all ${Object.keys(platform.running).length} processes healthy after the run`);

    // Every request was answered in the end, with a final answer a client can act on.
    const allAttempts = [...commands.map((c) => c.result), ...webhooks.flatMap((w) => w.deliveries)];
    progress('c', `transient answers on the way (retried with the same key): ${JSON.stringify(tally(allAttempts))}`);
    const unanswered = [...commands.filter((c) => c.result.status === null).map((c) => `${c.kind} ${c.key} (${c.result.attempts} attempts, last ${c.result.transient.at(-1)})`), ...webhooks.filter((w) => w.deliveries.some((d) => d.status === null)).map((w) => `webhook ${w.depositId}`)];
    expect(unanswered).toEqual([]);
    // A 5xx is acceptable only as a documented retryable one: 503 with a code (a service is
    // down), or 504 UPSTREAM_TIMEOUT / DEADLINE_EXCEEDED (the gateway's wait ran out, or the
    // command was still queued past it, while a killed consumer's partitions were still assigned
    // to it: the outcome is not known yet, and the client retries with the same key).
    const bad5xx = Object.keys(tally(allAttempts)).filter((t) => /^5\d\d/.test(t) && !/^503 [A-Z][A-Z0-9_]+$/.test(t) && t !== '504 UPSTREAM_TIMEOUT' && t !== '504 DEADLINE_EXCEEDED');
    expect(bad5xx).toEqual([]);
    const finals = (kind: string) => tally(commands.filter((c) => c.kind === kind).map((c) => ({ ...c.result, transient: [String(c.result.status)] })));
    progress('c', `commands answered: transfers ${JSON.stringify(finals('transfer'))}, user creations ${JSON.stringify(finals('user'))}`);
    expect(commands.filter((c) => c.result.status !== (c.kind === 'user' ? 201 : 202)).map((c) => `${c.kind} ${c.result.status} ${JSON.stringify(c.result.body)}`)).toEqual([]);

    // Every acknowledged transfer is one movement, the one it was answered with.
    const transfers = commands.filter((c) => c.kind === 'transfer');
    const movements = await db.query(`SELECT request_id, id::text AS id FROM payments.movements WHERE request_id = ANY($1)`, [transfers.map((t) => `${CALLER}:${t.key}`)]);
    const movementsByKey = new Map<string, string[]>();
    for (const row of movements.rows) movementsByKey.set(row.request_id, [...(movementsByKey.get(row.request_id) ?? []), row.id]);
    const wrongMovements = transfers.filter((t) => JSON.stringify(movementsByKey.get(`${CALLER}:${t.key}`)) !== JSON.stringify([t.result.body?.movementId]));
    expect(wrongMovements.map((t) => `${t.key}: answered ${t.result.body?.movementId}, stored ${JSON.stringify(movementsByKey.get(`${CALLER}:${t.key}`))}`)).toEqual([]);
    // Every acknowledged user creation is one user.
    const created = commands.filter((c) => c.kind === 'user');
    const stored = await db.query(`SELECT external_user_id FROM onboarding.users WHERE external_user_id = ANY($1)`, [created.map((c) => c.subject)]);
    expect(stored.rows.length).toBe(created.length);
    progress('c', `${transfers.length} acknowledged transfers = ${movements.rows.length} movements (one each, the answered one); ${created.length} acknowledged user creations = ${stored.rows.length} users`);

    // No money moved twice at P100: at most one transfer request per command (its correlation id).
    const calls = (await sandboxCall(platform, 'GET', `/admin/requests?since=${loadStarted}&limit=10000`)).body.requests as Array<{ method: string; path: string; correlationId: string | null }>;
    const transferCalls = new Map<string, number>();
    for (const call of calls) if (call.method === 'POST' && call.path === '/v1/transfer' && call.correlationId) transferCalls.set(call.correlationId, (transferCalls.get(call.correlationId) ?? 0) + 1);
    const repeated = transfers.filter((t) => (transferCalls.get(t.correlationId) ?? 0) > 1).map((t) => `${t.key}: ${transferCalls.get(t.correlationId)} P100 transfer calls`);
    expect(repeated).toEqual([]);
    const reachedP100 = transfers.filter((t) => transferCalls.get(t.correlationId) === 1).length;
    progress('c', `P100 transfer calls: ${reachedP100} commands once, ${transfers.length - reachedP100} never (not sent before a kill, settled without P100), 0 twice`);

    // Every acknowledged webhook is stored once, published under that one event id, and took
    // effect once (one deposit movement with one ledger credit).
    const acked = webhooks.filter((w) => w.deliveries.every((d) => d.status === 200));
    expect(acked.length).toBe(webhooks.length);
    const ids = acked.map((w) => w.depositId);
    const rows = await db.query(`SELECT id::text AS id, payload->>'cryptoDepositId' AS deposit FROM webhook_ingest.received_webhooks WHERE event = 'crypto-deposit' AND payload->>'cryptoDepositId' = ANY($1)`, [ids]);
    const rowsByDeposit = new Map<string, string[]>();
    for (const row of rows.rows) rowsByDeposit.set(row.deposit, [...(rowsByDeposit.get(row.deposit) ?? []), row.id]);
    expect(ids.filter((id) => rowsByDeposit.get(id)?.length !== 1)).toEqual([]);
    // Indexed by deposit once per look (a full run publishes ~65,000: a scan per deposit is quadratic).
    const byDeposit = () => {
      const index = new Map<string, { eventIds: Set<string | undefined>; copies: number }>();
      for (const m of published.messages) {
        const deposit = String(m.value?.cryptoDepositId);
        const entry = index.get(deposit) ?? { eventIds: new Set(), copies: 0 };
        entry.eventIds.add(m.headers[MessageHeaders.eventId]);
        entry.copies += 1;
        index.set(deposit, entry);
      }
      return index;
    };
    const publishedBy = Date.now() + DRAIN_WITHIN_MS;
    let seen = byDeposit();
    while (ids.some((id) => !seen.has(id)) && Date.now() < publishedBy) {
      await new Promise((r) => setTimeout(r, 500));
      seen = byDeposit();
    }
    expect(ids.filter((id) => JSON.stringify([...(seen.get(id)?.eventIds ?? [])]) !== JSON.stringify(rowsByDeposit.get(id)))).toEqual([]);
    const redelivered = ids.filter((id) => (seen.get(id)?.copies ?? 0) > 1).length;
    progress('c', `${acked.length} acknowledged webhooks (${acked.length * 2} deliveries) = ${rows.rows.length} stored rows, each on p100.webhooks.crypto under its one event id (${redelivered} published again after a kill, same id)`);

    const { counts, waitedMs } = await waitForOutboxesDrained((sql, params) => db.query(sql, params), DRAIN_WITHIN_MS);
    expect(counts).toEqual(Object.fromEntries(Object.keys(counts).map((s) => [s, 0])));
    progress('c', `every outbox drained (${Object.keys(counts).join(', ')}: 0 unpublished) ${(waitedMs / 1000).toFixed(1)} s after the load`);

    // The effect is the payments consumer's, after publication: polled, bounded.
    const effectsOf = async () => {
      const effects = await db.query(
        `SELECT m.p100_id, count(DISTINCT m.id)::int AS movements, count(e.id) FILTER (WHERE e.state = 'posted')::int AS credits
           FROM payments.movements m LEFT JOIN payments.ledger_entries e ON e.movement_id = m.id
          WHERE m.kind = 'crypto-deposit' AND m.p100_id = ANY($1) GROUP BY m.p100_id`,
        [ids],
      );
      return new Map(effects.rows.map((r) => [r.p100_id as string, `${r.movements} movement, ${r.credits} credit`]));
    };
    let effectByDeposit = await effectsOf();
    const effectDeadline = Date.now() + DRAIN_WITHIN_MS;
    while (ids.some((id) => effectByDeposit.get(id) !== '1 movement, 1 credit') && Date.now() < effectDeadline) {
      await new Promise((r) => setTimeout(r, 500));
      effectByDeposit = await effectsOf();
    }
    expect(ids.filter((id) => effectByDeposit.get(id) !== '1 movement, 1 credit').map((id) => `${id}: ${effectByDeposit.get(id) ?? 'no movement'}`)).toEqual([]);
    progress('c', `${ids.length} deposits = ${effectByDeposit.size} deposit movements in payments, each credited once`);
    // Full: 100 kills, each restart waited for; short keeps the project's bound (jest.config.cjs).
  }, SCALE === 'full' ? 900_000 : undefined);
});
