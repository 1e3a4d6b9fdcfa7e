// Benchmark of webhook-ingest against a bare baseline, in one run on the same Postgres and broker.
//
//   npm run bench:webhook-ingest        (BENCH_REQUESTS=6000 BENCH_CONCURRENCY=32 by default)
//
// Load: valid user-status webhooks with the P100 token, 20% of them redeliveries of an earlier one.
// webhook-ingest runs built (dist/) as its own process, as in production; the baseline
// (baseline-server.mjs: node:http + one pg INSERT + one kafkajs send) too. Both get a warm-up
// first, then they take turns (3 rounds each). Prints throughput and p50/p99 acknowledgement latency of each, and their ratios.
// Results go in docs/benchmarks.md. On the dev broker the Kafka part is the librdkafka mock, not
// Kafka: only the ratio to the baseline is meaningful (PLATFORM.md, "Stack facts").
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { ensureInfra } from '../../tools/platform/infra.mjs';
import { runLoad, summarize } from './load.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);
const pg = require('pg');

const REQUESTS = Number(process.env.BENCH_REQUESTS || 6000);
const WARMUP = Number(process.env.BENCH_WARMUP || 1000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY || 32);
const DUPLICATE_SHARE = 0.2;
const TOKEN = 'bench-webhook-token-000000001';
const PATH = '/webhook/user/status';
const log = (line) => console.error(`[bench] ${line}`);

/** `count` webhook bodies, DUPLICATE_SHARE of them repeating an earlier one of the same list. */
function webhookBodies(count, run) {
  const bodies = [];
  for (let i = 0; i < count; i += 1) {
    const duplicate = i > 0 && i % Math.round(1 / DUPLICATE_SHARE) === 0;
    bodies.push(duplicate ? bodies[Math.floor(Math.random() * i)] : JSON.stringify({ externalUserId: `bench-${run}-${i}`, status: 'ACTIVE' }));
  }
  return bodies;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function startProcess(name, args, env) {
  const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (c) => (output = (output + c).slice(-4000));
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  return {
    child,
    output: () => output,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', resolve);
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
      }),
  };
}

async function waitFor(check, what, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const ROUNDS = 3;

/**
 * Warm-up, then ROUNDS alternating rounds of each target, pooled: the machine's other load then
 * weighs on both sides alike (these are shared 2-core machines).
 */
async function compare(targets, run) {
  for (const t of targets) {
    log(`${t.name}: warm-up (${WARMUP} requests)`);
    await runLoad({ url: t.url, path: PATH, headers: t.headers, bodies: webhookBodies(WARMUP, `${run}-${t.name}-warm`), concurrency: CONCURRENCY });
  }
  const perRound = Math.ceil(REQUESTS / ROUNDS);
  const rounds = Object.fromEntries(targets.map((t) => [t.name, []]));
  for (let round = 1; round <= ROUNDS; round += 1) {
    for (const t of targets) {
      const result = await runLoad({
        url: t.url,
        path: PATH,
        headers: t.headers,
        bodies: webhookBodies(perRound, `${run}-${t.name}-${round}`),
        concurrency: CONCURRENCY,
      });
      rounds[t.name].push(result);
      log(`round ${round}/${ROUNDS} ${t.name}: ${perRound} requests, ${result.throughput.toFixed(0)} req/s, p50 ${result.p50.toFixed(2)} ms, p99 ${result.p99.toFixed(2)} ms`);
    }
  }
  return Object.fromEntries(targets.map((t) => [t.name, summarize(rounds[t.name])]));
}

const started = Date.now();
log('starting infrastructure');
const infra = await ensureInfra({ database: 'p100_platform_bench', log });
const run = randomBytes(4).toString('hex');
const ingestSchema = `bench_wh_${run}`;
const baselineSchema = `bench_base_${run}`;
const db = new pg.Client({ connectionString: infra.databaseUrl });
await db.connect();
const processes = [];
let exitCode = 0;
try {
  log('building dist/');
  const build = spawnSync(process.execPath, [path.join(ROOT, 'tools/build/build.mjs')], { cwd: ROOT, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`build failed: ${build.stderr}`);

  const env = { DATABASE_URL: infra.databaseUrl, KAFKA_BROKERS: infra.kafkaBrokers, KAFKA_DEV_BROKER: String(infra.kafkaDevBroker), LOG_LEVEL: 'warn' };
  const ingestPort = await freePort();
  const ingest = startProcess('webhook-ingest', [path.join(ROOT, 'dist/apps/webhook-ingest/src/main.js')], {
    ...env,
    PORT: String(ingestPort),
    HOST: '127.0.0.1',
    P100_WEBHOOK_TOKEN: TOKEN,
    P100_CODE_KEYS: `bench:${Buffer.alloc(32, 1).toString('base64')}`,
    WEBHOOK_INGEST_DB_SCHEMA: ingestSchema,
  });
  processes.push(ingest);
  const ingestUrl = `http://127.0.0.1:${ingestPort}`;
  await waitFor(async () => (await fetch(`${ingestUrl}/health`)).ok, 'webhook-ingest to be healthy').catch((e) => {
    throw new Error(`${e.message}\n${ingest.output()}`);
  });
  const baselinePort = await freePort();
  const baseline = startProcess('baseline', [path.join(ROOT, 'bench/webhook-ingest/baseline-server.mjs')], {
    ...env,
    PORT: String(baselinePort),
    BASELINE_SCHEMA: baselineSchema,
  });
  processes.push(baseline);
  await waitFor(async () => baseline.output().includes('READY'), 'the baseline server').catch((e) => {
    throw new Error(`${e.message}\n${baseline.output()}`);
  });
  log(`${REQUESTS} requests per side in ${ROUNDS} alternating rounds, ${CONCURRENCY} concurrent, ${DUPLICATE_SHARE * 100}% duplicates`);
  const results = await compare(
    [
      { name: 'webhook-ingest', url: ingestUrl, headers: { authorization: TOKEN } },
      { name: 'baseline', url: `http://127.0.0.1:${baselinePort}`, headers: {} },
    ],
    run,
  );
  const ingestResult = results['webhook-ingest'];
  const baselineResult = results.baseline;
  const drainStarted = Date.now();
  await waitFor(
    async () => (await db.query(`SELECT count(*)::int AS n FROM ${ingestSchema}.outbox WHERE published_at IS NULL`)).rows[0].n === 0,
    'the outbox to drain',
  );
  const drainSeconds = (Date.now() - drainStarted) / 1000;
  const stored = (await db.query(`SELECT count(*)::int AS n FROM ${ingestSchema}.received_webhooks`)).rows[0].n;
  log(`webhook-ingest: ${stored} distinct webhooks stored (warm-up included); outbox drained ${drainSeconds.toFixed(2)} s after the last round`);
  const load = os.loadavg().map((l) => l.toFixed(1)).join(' ');

  const row = (name, r) => `| ${name} | ${r.throughput.toFixed(0)} | ${r.p50.toFixed(2)} | ${r.p99.toFixed(2)} |`;
  const ratio = (a, b) => (a / b).toFixed(2);
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.type()} ${os.release()}, Node ${process.version}`;
  console.log(
    [
      '',
      `webhook-ingest benchmark — ${new Date().toISOString()} — run ${randomUUID().slice(0, 8)}`,
      `machine: ${machine}`,
      `broker: ${infra.kafkaDevBroker ? 'dev broker (librdkafka mock)' : infra.kafkaBrokers}; ${REQUESTS} requests, ${CONCURRENCY} concurrent, ${DUPLICATE_SHARE * 100}% duplicates`,
      '',
      '| | req/s | p50 ms | p99 ms |',
      '|---|---|---|---|',
      row('webhook-ingest', ingestResult),
      row('baseline (node:http + pg INSERT + kafkajs send)', baselineResult),
      `| ratio ingest / baseline | ${ratio(ingestResult.throughput, baselineResult.throughput)} | ${ratio(ingestResult.p50, baselineResult.p50)} | ${ratio(ingestResult.p99, baselineResult.p99)} |`,
      '',
      `webhook-ingest answers: ${JSON.stringify(ingestResult.statuses)}; outbox drained ${drainSeconds.toFixed(2)} s after the last round`,
      `load average at the end: ${load}; total time ${((Date.now() - started) / 1000).toFixed(0)} s`,
    ].join('\n'),
  );
  if (ingestResult.statuses['200'] !== ingestResult.requests || baselineResult.statuses['200'] !== baselineResult.requests) {
    log('not every request was answered 200: see the statuses above');
    exitCode = 1;
  }
} catch (error) {
  console.error(error?.stack ?? error);
  exitCode = 1;
} finally {
  await Promise.all(processes.map((p) => p.stop()));
  await db.query(`DROP SCHEMA IF EXISTS ${ingestSchema} CASCADE`).catch(() => {});
  await db.query(`DROP SCHEMA IF EXISTS ${baselineSchema} CASCADE`).catch(() => {});
  await db.end();
  await infra.stop();
}
process.exit(exitCode);
