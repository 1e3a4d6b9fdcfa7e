// Benchmark of settlement latency: from a P100 SEPA Deposit webhook POSTed to webhook-ingest to
// the `payments.sepa-deposit.received.v1` event read by an outside consumer, against a bare
// produce → consume on the same broker, in one run.
//
//   npm run bench:settlement-latency     (BENCH_CALLS=300 per side and concurrency, BENCH_CONCURRENCIES=1,8,32, BENCH_WARMUP=50)
//   BENCH_PROFILE=1 npm run bench:settlement-latency   (also CPU profiles of webhook-ingest and payments, summarised)
//
// The path measured: webhook-ingest (durable store + outbox, 200) → its outbox relay → Kafka
// `p100.webhooks.sepa` → payments (inbox dedupe, p100_events, movement, shadow ledger, outbox in
// one transaction) → its relay → Kafka `payments.events` → a plain kafkajs consumer in this
// process (bench/support/topic-tap.mjs). The baseline: a plain kafkajs producer (acks=all, as the
// platform's) sending to `bench.settlement-baseline` (as many partitions as payments.events) and
// the same consumer reading it. webhook-ingest and payments run built (dist/) as processes, started
// by tools/platform/services.cjs as `npm start` does, on their own schemas of their own database.
// Each deposit has its own user (payments works on different keys at once, one key in order; P100
// runs the name check before it sends the webhook, so payments credits what it is told).
//
// Per concurrency: a warm-up of each side, then 3 alternating rounds (settlement, baseline,
// baseline, settlement, ...), pooled. Then, from the instants the hops left behind (the services'
// rows and the Kafka timestamps), where the time went, hop by hop. Prints p50/p99 of both sides and
// their ratio (issue 12's target: settlement p99 ≤ 2 × baseline p99), the load average at the
// start and end. The run fails (exit 1) when a deposit is not settled, or settles as anything but
// received; never on a timing. Results go in docs/benchmarks.md ("Settlement latency").
import { randomBytes, randomUUID } from 'node:crypto';
import { readdirSync, readFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import kafkajs from '../../tools/kafka/kafkajs.mjs';
import { ensureInfra } from '../../tools/platform/infra.mjs';
import { epochMs, startTopicTap } from '../support/topic-tap.mjs';
import { summarize } from '../webhook-ingest/load.mjs';
import { summarizeProfile } from '../webhook-ingest/profile-summary.mjs';
import { hopBreakdown } from './hops.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);
const { build, startPlatform, stopPlatform, DEV_SECRETS } = require('../../tools/platform/services.cjs');
const pg = require('pg');
const { Kafka, logLevel } = kafkajs;

const CALLS = Number(process.env.BENCH_CALLS || 300);
const WARMUP = Number(process.env.BENCH_WARMUP || 50);
const CONCURRENCIES = (process.env.BENCH_CONCURRENCIES || '1,8,32').split(',').map(Number);
const BASE_PORT = Number(process.env.BENCH_BASE_PORT || 6800);
const PROFILE = process.env.BENCH_PROFILE === '1';
/** The services' LOG_LEVEL: production's default (info) unless told otherwise. */
const LOG_LEVEL = process.env.BENCH_LOG_LEVEL || 'info';
const ROUNDS = 3;
const TARGET_RATIO = 2;
const SETTLED = 'payments.sepa-deposit.received.v1';
const WEBHOOK_TOPIC = 'p100.webhooks.sepa';
const EVENTS_TOPIC = 'payments.events';
const BASELINE_TOPIC = 'bench.settlement-baseline';
const DEPOSIT_PATH = '/webhook/sepa-deposit/status';
const loadAverage = () => os.loadavg().map((l) => l.toFixed(1)).join(' ');
const log = (line) => console.error(`[bench] ${line}`);

/** `concurrency` callers, each starting its next call when its previous one is done. */
async function inFlight(count, concurrency, call, label) {
  const latencies = new Array(count);
  let next = 0;
  let done = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: Math.min(concurrency, count) }, async () => {
      while (next < count) {
        const i = next++;
        latencies[i] = await call(i);
        if (++done % 100 === 0) log(`${label}: ${done}/${count}`);
      }
    }),
  );
  return { latencies, seconds: (performance.now() - started) / 1000, statuses: {} };
}

const started = Date.now();
const loadBefore = loadAverage();
log(`load average at the start: ${loadBefore}`);
const infra = await ensureInfra({ database: 'p100_platform_bench_settle', log });
const run = randomBytes(4).toString('hex');
const schemas = { ingest: `bench_settle_wh_${run}`, payments: 'payments' };
const profileDir = path.join(ROOT, '.runtime/profiles', `settlement-${run}`);
const db = new pg.Client({ connectionString: infra.databaseUrl });
await db.connect();
let platform;
let tap;
let producer;
let exitCode = 0;
let platformStartedAt = 0;
/** Measured windows of the settlement side, ms since the services started (to cut their profiles). */
const windows = [];
const serviceOutput = [];
try {
  log('building dist/');
  build(() => {});
  // payments has one schema name (its own); a fresh database per machine keeps other runs out of it.
  await db.query(`DROP SCHEMA IF EXISTS payments CASCADE`);
  if (PROFILE) mkdirSync(profileDir, { recursive: true });
  platformStartedAt = epochMs();
  platform = await startPlatform({
    infra,
    basePort: BASE_PORT,
    only: ['webhook-ingest', 'payments'],
    // Nest's start-up on a loaded 2-core box can take most of a minute.
    healthTimeoutMs: 180_000,
    logLevel: LOG_LEVEL,
    log,
    logSink: (name, chunk) => serviceOutput.push(`${name}| ${chunk}`.slice(0, 2000)) > 200 && serviceOutput.shift(),
    env: {
      WEBHOOK_INGEST_DB_SCHEMA: schemas.ingest,
      ...(PROFILE ? { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${profileDir}` } : {}),
    },
  });
  const ingestUrl = platform['webhook-ingest'].url;

  const kafka = new Kafka({ clientId: 'bench-settlement', brokers: infra.kafkaBrokers.split(','), logLevel: logLevel.ERROR });
  const admin = kafka.admin();
  await admin.connect();
  const [eventsMeta] = (await admin.fetchTopicMetadata({ topics: [EVENTS_TOPIC] })).topics;
  await admin.createTopics({ topics: [{ topic: BASELINE_TOPIC, numPartitions: eventsMeta.partitions.length, replicationFactor: 1 }], waitForLeaders: true });
  await admin.disconnect();
  producer = kafka.producer({ allowAutoTopicCreation: false });
  await producer.connect();

  tap = await startTopicTap({
    brokers: infra.kafkaBrokers,
    topics: [EVENTS_TOPIC, WEBHOOK_TOPIC, BASELINE_TOPIC],
    clientId: 'bench-settlement-reader',
    idOf: (topic, message) => {
      if (topic === BASELINE_TOPIC) return `bare:${message.key}`;
      const value = JSON.parse(message.value.toString());
      return topic === WEBHOOK_TOPIC ? `webhook:${value.id}` : `settled:${value.p100Id}`;
    },
  });

  /** Per deposit: the instants this process saw (sent, acknowledged, read on each topic). */
  const deposits = [];
  const problems = [];
  const settle = async (label) => {
    const id = randomUUID();
    const body = JSON.stringify({
      id,
      externalUserId: `bench-settle-${run}-${label}-${randomBytes(4).toString('hex')}`,
      amount: '125.40',
      currency: 'eur',
      senderName: 'Jan Kowalski',
      senderIban: 'DE89370400440532013000',
      title: `bench ${run}`,
      status: 'APPROVED',
      createdAt: new Date().toISOString(),
    });
    const sentAt = epochMs();
    const response = await fetch(`${ingestUrl}${DEPOSIT_PATH}`, { method: 'POST', headers: { authorization: DEV_SECRETS.webhookToken, 'content-type': 'application/json' }, body });
    await response.arrayBuffer();
    const ackAt = epochMs();
    if (response.status !== 200) throw new Error(`webhook-ingest answered ${response.status}`);
    const [webhook, settled] = await Promise.all([tap.read(`webhook:${id}`), tap.read(`settled:${id}`)]);
    const type = settled.message.headers.type?.toString();
    if (type !== SETTLED) problems.push(`deposit ${id} settled as ${type}`);
    deposits.push({ label, id, sentAt, ackAt, webhook, settled });
    return settled.readAt - sentAt;
  };
  const bare = async () => {
    const key = randomUUID();
    const sentAt = epochMs();
    await producer.send({ topic: BASELINE_TOPIC, acks: -1, messages: [{ key, value: JSON.stringify({ key, amount: '125.40', padding: 'x'.repeat(400) }) }] });
    const { readAt } = await tap.read(`bare:${key}`);
    return readAt - sentAt;
  };

  const results = [];
  for (const concurrency of CONCURRENCIES) {
    log(`${concurrency} in flight: warm-up (${WARMUP} calls per side)`);
    await inFlight(WARMUP, concurrency, () => settle('warm'), 'warm-up settlement');
    await inFlight(WARMUP, concurrency, bare, 'warm-up baseline');
    const rounds = { settlement: [], baseline: [] };
    const perRound = Math.ceil(CALLS / ROUNDS);
    for (let round = 1; round <= ROUNDS; round += 1) {
      // Alternating order per round, so that drift on the box weighs on both sides alike.
      const order = round % 2 === 1 ? ['settlement', 'baseline'] : ['baseline', 'settlement'];
      for (const side of order) {
        const from = epochMs() - platformStartedAt;
        const label = `c${concurrency}`;
        const result = await inFlight(perRound, concurrency, side === 'settlement' ? () => settle(label) : bare, `round ${round}/${ROUNDS} ${side} (${concurrency} in flight)`);
        if (side === 'settlement') windows.push([from, epochMs() - platformStartedAt]);
        rounds[side].push(result);
        const s = summarize([result]);
        log(`round ${round}/${ROUNDS} ${side}, ${concurrency} in flight: ${perRound} calls, p50 ${s.p50.toFixed(2)} ms, p99 ${s.p99.toFixed(2)} ms, ${s.throughput.toFixed(0)}/s (load average ${loadAverage()})`);
      }
    }
    results.push({ concurrency, settlement: summarize(rounds.settlement), baseline: summarize(rounds.baseline) });
  }
  const loadAfter = loadAverage();

  log('reading the instants each hop left behind');
  const hops = await hopBreakdown({ db, schemas, deposits: deposits.filter((d) => d.label !== 'warm') });

  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.type()} ${os.release()}, Node ${process.version}`;
  const broker = infra.kafkaDevBroker ? 'dev broker (librdkafka mock: NOT Kafka, only the ratios mean something)' : `Apache Kafka ${infra.kafkaVersion ?? process.env.KAFKA_VERSION ?? '(version not reported)'}`;
  const lines = [
    '',
    `settlement latency benchmark — ${new Date().toISOString()} — run ${run}`,
    `machine: ${machine}`,
    `broker: ${broker} at ${infra.kafkaBrokers}; ${CALLS} calls per side and concurrency in ${ROUNDS} alternating rounds (+${WARMUP} warm-up); services LOG_LEVEL=${LOG_LEVEL}`,
    '',
    '| in flight | settlement p50 ms | p99 ms | per s | bare produce→consume p50 ms | p99 ms | per s | ratio p50 | ratio p99 | target p99 ≤ 2 × |',
    '|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const { concurrency, settlement: s, baseline: b } of results) {
    const ratio = s.p99 / b.p99;
    lines.push(
      `| ${concurrency} | ${s.p50.toFixed(2)} | ${s.p99.toFixed(2)} | ${s.throughput.toFixed(0)} | ${b.p50.toFixed(2)} | ${b.p99.toFixed(2)} | ${b.throughput.toFixed(0)} | ${(s.p50 / b.p50).toFixed(2)} | **${ratio.toFixed(2)}** | ${ratio <= TARGET_RATIO ? 'met' : 'NOT met'} |`,
    );
  }
  lines.push('', 'Where the time went (ms, per deposit; from the services\' rows and the Kafka timestamps, which have 1 ms resolution):', '', hops);
  lines.push('', `load average at the start: ${loadBefore}; at the end: ${loadAfter}; total time ${((Date.now() - started) / 1000).toFixed(0)} s`);
  console.log(lines.join('\n'));
  if (problems.length > 0) {
    log(`FAIL: ${problems.length} deposits did not settle as ${SETTLED}: ${problems.slice(0, 5).join('; ')}`);
    exitCode = 1;
  }
} catch (error) {
  console.error(error?.stack ?? error);
  console.error(`last service output:\n${serviceOutput.slice(-30).join('')}`);
  exitCode = 1;
} finally {
  await tap?.stop().catch(() => {});
  await producer?.disconnect().catch(() => {});
  if (platform) await stopPlatform(platform);
  if (PROFILE) printProfiles();
  await db.query(`DROP SCHEMA IF EXISTS ${schemas.ingest} CASCADE`).catch(() => {});
  await db.end();
  await infra.stop();
}
process.exit(exitCode);

/** Each service's CPU profile, cut to the settlement rounds (the baseline rounds leave them idle). */
function printProfiles() {
  let files = [];
  try {
    files = readdirSync(profileDir).filter((f) => f.endsWith('.cpuprofile'));
  } catch {
    /* none written */
  }
  if (files.length === 0) return log(`no CPU profiles in ${profileDir}`);
  for (const file of files) {
    const profile = JSON.parse(readFileSync(path.join(profileDir, file), 'utf8'));
    const service = profile.nodes.some((n) => /apps\/payments\//.test(n.callFrame.url)) ? 'payments' : 'webhook-ingest';
    // The profile starts when the process does: the windows are from just before the spawn.
    console.log(`\nCPU profile of ${service} (${path.join(profileDir, file)}), settlement rounds only:\n${summarizeProfile(profile, { top: 30, windows })}`);
  }
}
