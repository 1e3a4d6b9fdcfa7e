// Benchmark of the gateway's command round trip (edge → Kafka → service → reply) against a bare
// kafkajs request-reply front + service on the same broker, in one run and one process tree.
//
//   npm run bench:gateway-command
//     BENCH_CONCURRENCIES (1,8,32)  BENCH_READS (600 per round)  BENCH_TRANSFERS (150 per round)
//     BENCH_USERS (64)  BENCH_BASE_PORT (6600)  BENCH_LOG_LEVEL (info)  BENCH_COMMANDS (read,transfer)
//     BENCH_CPU_PROFILE (a directory: CPU profiles of the platform's processes, written when they stop)
//
// Commands: the read GET /v1/users/:id (gRPC UsersService/GetUser), answered by onboarding-kyc from
// its own table; and the money command POST /v1/users/:id/transfers/from-partner with an
// Idempotency-Key (gRPC PaymentsService/TransferFromPartner), which payments records and sends to
// the P100 sandbox (202). Targets per command and concurrency: gateway REST, gateway gRPC, and the
// baseline (bare-front.mjs + bare-service.mjs: node:http, kafkajs request-reply, one pg SELECT or
// the sandbox's POST /v1/transfer; "bare gRPC" is the same front over bare grpc-js, the gateway gRPC
// edge's like-for-like transport) and, for the money command, the naive durable design "bare+db"
// (the same, with the Idempotency-Key and the intent each INSERTed before and UPDATEd after: the
// fewest writes a money command needs, so that it neither runs twice nor is lost). The whole platform runs built (dist/), as `npm start` runs it,
// with a bench client whose rate limit is out of the way (the dev default is not changed) and the
// P100 client's bulkhead sized to the largest concurrency (P100_MAX_CONCURRENT_PER_GROUP). Each
// series gets a warm-up, then 3 alternating rounds per target, pooled. Besides req/s, p50 and p99,
// it prints where the platform's time goes (the gateway's operation time and the service's handler
// time, from their /metrics) and the database commits per command (pg_stat_database, background
// work of the platform included). Exits 1 when any call was not answered with success; never on a
// timing. Results go in docs/benchmarks.md ("Gateway command round trip").
import { randomBytes, randomUUID, createHash } from 'node:crypto';
import http from 'node:http';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureInfra } from '../../tools/platform/infra.mjs';
import { summarize } from '../webhook-ingest/load.mjs';
import { closedLoop } from '../support/closed-loop.mjs';
import { startNodeProcess, waitFor } from '../support/node-process.mjs';
import { cpuPerCall, cpuSnapshot } from '../support/cpu-time.mjs';
import { platformKafkaRequests, requestsPerCall } from '../support/kafka-requests.mjs';
import { histogramTotals } from '../support/prometheus-text.mjs';
import { platformGrpcServices } from '../support/platform-protos.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);
const pg = require('pg');
const grpc = require('@grpc/grpc-js');
const { Kafka, logLevel } = require('kafkajs');
const { build, startPlatform, stopPlatform, DEV_SECRETS, GRPC_OFFSET } = require('../../tools/platform/services.cjs');

const CONCURRENCIES = (process.env.BENCH_CONCURRENCIES || '1,8,32').split(',').map(Number);
const COMMANDS = (process.env.BENCH_COMMANDS || 'read,transfer').split(',');
const PER_ROUND = { read: Number(process.env.BENCH_READS || 600), transfer: Number(process.env.BENCH_TRANSFERS || 150) };
const USERS = Number(process.env.BENCH_USERS || 64);
const BASE_PORT = Number(process.env.BENCH_BASE_PORT || 6600);
/** The bare service's stats (its Kafka requests and sandbox calls). */
const BARE_STATS_PORT = BASE_PORT + 51;
const LOG_LEVEL = process.env.BENCH_LOG_LEVEL || 'info';
const ROUNDS = 3;
const TARGET_RATIO = 1.3;
const TARGET_READS_PER_S = 1000;
const DATABASE = 'p100_platform_bench_gw';
const API_KEY = `bench-gateway-key-${randomBytes(8).toString('hex')}`;
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const loadAverage = () => os.loadavg().map((l) => l.toFixed(1)).join(' ');
const log = (line) => console.error(`[bench] ${line}`);

/** The bench's own product service: every scope, a rate limit the load never reaches. */
function benchClients() {
  const scopes = ['users:read', 'users:write', 'payments:read', 'payments:write', 'partner:read', 'partner:write'];
  return JSON.stringify([
    { name: 'bench-gateway-command', keys: [{ id: 'bench-1', sha256: createHash('sha256').update(API_KEY).digest('hex') }], scopes, rateLimit: { perSecond: 100_000, burst: 100_000 } },
  ]);
}

/** Keep-alive HTTP/1.1 calls, one agent per target (sockets = concurrency). */
function httpCaller(baseUrl, concurrency) {
  const { hostname, port } = new URL(baseUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const call = (method, urlPath, { body, headers = {} } = {}) =>
    new Promise((resolve, reject) => {
      const text = body === undefined ? undefined : JSON.stringify(body);
      const req = http.request(
        { agent, hostname, port, path: urlPath, method, headers: { ...headers, ...(text ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) } : {}) } },
        (res) => {
          let data = '';
          res.setEncoding('utf8');
          res.on('data', (c) => (data += c));
          res.on('end', () => resolve({ status: res.statusCode, body: data }));
        },
      );
      req.on('error', reject);
      req.end(text);
    });
  return { call, close: () => agent.destroy() };
}

function grpcClients(address) {
  const v1 = platformGrpcServices({ defaults: true });
  // One channel (HTTP/2 connection) per service, as a product service would hold it.
  const users = new v1.UsersService(address, grpc.credentials.createInsecure());
  const payments = new v1.PaymentsService(address, grpc.credentials.createInsecure());
  const unary = (client, method, request, idempotencyKey) =>
    new Promise((resolve) => {
      const metadata = new grpc.Metadata();
      metadata.set('x-api-key', API_KEY);
      if (idempotencyKey) metadata.set('idempotency-key', idempotencyKey);
      client[method](request, metadata, { deadline: Date.now() + 30_000 }, (error) => resolve(error ? `grpc:${grpc.status[error.code]}:${error.details}` : 'grpc:OK'));
    });
  return {
    getUser: (externalUserId) => unary(users, 'getUser', { externalUserId }),
    transfer: (externalUserId) => unary(payments, 'transferFromPartner', { externalUserId, amount: '0.01', currency: 'eur' }, randomUUID()),
    close: () => (users.close(), payments.close()),
  };
}

const started = Date.now();
const loadBefore = loadAverage();
log(`load average at the start: ${loadBefore}`);
log('starting infrastructure');
const infra = await ensureInfra({ database: DATABASE, log });
const run = randomBytes(4).toString('hex');
const db = new pg.Client({ connectionString: infra.databaseUrl });
await db.connect();
const commitsNow = async () => Number((await db.query('SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()')).rows[0].xact_commit);
let platform;
const platformLog = [];
const processes = [];
const closers = [];
let exitCode = 0;
try {
  log('building dist/');
  build(() => {});
  log(`starting the platform on ports ${BASE_PORT}… (gRPC ${BASE_PORT + GRPC_OFFSET}, sandbox ${BASE_PORT + 100}), LOG_LEVEL=${LOG_LEVEL}`);
  platform = await startPlatform({
    infra,
    basePort: BASE_PORT,
    logLevel: LOG_LEVEL,
    log,
    // A fresh database migrates first; the box is shared.
    healthTimeoutMs: 180_000,
    logSink: (name, chunk) => platformLog.push(`${name}| ${chunk}`.slice(0, 4000)) > 400 && platformLog.shift(),
    // The P100 client's bulkhead (8 calls per endpoint group by default) sized to the bench's
    // callers, as bench/p100-client does: at 32 callers it refused a quarter of the transfers (503).
    env: {
      GATEWAY_CLIENTS: benchClients(),
      P100_MAX_CONCURRENT_PER_GROUP: String(Math.max(8, ...CONCURRENCIES)),
      // BENCH_CPU_PROFILE=<dir>: every platform process writes a V8 CPU profile there when it stops.
      ...(process.env.BENCH_CPU_PROFILE ? { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${path.resolve(process.env.BENCH_CPU_PROFILE)}` } : {}),
    },
  });
  const gatewayUrl = platform.gateway.url;
  const sandboxUrl = platform['p100-sandbox'].url;
  const setup = httpCaller(gatewayUrl, 8);
  closers.push(setup.close);
  const auth = { 'x-api-key': API_KEY };

  // The partner's EUR, which the transfers pay out from (both sides alike).
  const credit = await fetch(`${sandboxUrl}/admin/ledger/credit`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ partner: true, currency: 'eur', amount: '1000000.00' }) });
  if (!credit.ok) throw new Error(`crediting the partner failed: ${credit.status} ${await credit.text()}`);

  log(`onboarding ${USERS} users to ACTIVE (create, KYC file, verification) through the gateway`);
  const users = Array.from({ length: USERS }, (_, i) => `bench-gw-${run}-${i}`);
  await closedLoop({
    count: USERS,
    concurrency: 8,
    call: async (i) => {
      const externalUserId = users[i];
      const created = await setup.call('POST', '/v1/users', {
        headers: auth,
        body: { externalUserId, email: `${externalUserId}@example.com`, phone: `48${String(Math.floor(Math.random() * 1e9)).padStart(9, '0')}`, firstName: 'Jan', lastName: 'Kowalski', street: 'Marszalkowska', number: '123/5', city: 'Warszawa', postCode: '00-001', country: 'PL', citizenship: 'PL', nationality: 'PL', birthCountry: 'PL', birthDate: '1990-05-15', hasAcceptedP100Tc: true },
      });
      if (created.status !== 201) throw new Error(`creating ${externalUserId}: ${created.status} ${created.body}`);
      const form = new FormData();
      form.append('files', new File([PNG], 'id.png', { type: 'image/png' }));
      const files = await fetch(`${gatewayUrl}/v1/users/${externalUserId}/kyc-files`, { method: 'POST', headers: auth, body: form });
      if (files.status !== 202) throw new Error(`KYC files of ${externalUserId}: ${files.status} ${await files.text()}`);
      const verification = await setup.call('POST', `/v1/users/${externalUserId}/verification`, { headers: auth });
      if (verification.status !== 202) throw new Error(`verification of ${externalUserId}: ${verification.status} ${verification.body}`);
      return 'ok';
    },
  }).then((r) => {
    if (r.statuses.ok !== USERS) throw new Error(`onboarding failed: ${JSON.stringify(r.statuses)}`);
  });
  await waitFor(
    async () => {
      for (const u of users) if (JSON.parse((await setup.call('GET', `/v1/users/${u}`, { headers: auth })).body).status !== 'ACTIVE') return false;
      return true;
    },
    'every bench user to be ACTIVE',
    120_000,
  );

  // The baseline, on topics of its own (4 partitions, as the platform's command/reply topics).
  const requestTopic = `bench.gateway-command.${run}.requests`;
  const replyTopic = `bench.gateway-command.${run}.replies`;
  const admin = new Kafka({ clientId: 'bench-admin', brokers: infra.kafkaBrokers.split(','), logLevel: logLevel.ERROR }).admin();
  await admin.connect();
  await admin.createTopics({ waitForLeaders: true, topics: [requestTopic, replyTopic].map((topic) => ({ topic, numPartitions: 4 })) });
  await admin.disconnect();
  // The naive durable baseline's tables (bare-front.mjs, bare-service.mjs): a key and an intent, each with its primary key.
  await db.query(`DROP SCHEMA IF EXISTS bench_gw CASCADE; CREATE SCHEMA bench_gw;
    CREATE TABLE bench_gw.idempotency_keys (idempotency_key text PRIMARY KEY, response_status int, response_body jsonb, created_at timestamptz NOT NULL DEFAULT now());
    CREATE TABLE bench_gw.intents (request_id text PRIMARY KEY, status text NOT NULL, p100_id text, created_at timestamptz NOT NULL DEFAULT now());`);
  const bareEnv = { KAFKA_BROKERS: infra.kafkaBrokers, REQUEST_TOPIC: requestTopic, REPLY_TOPIC: replyTopic, DATABASE_URL: infra.databaseUrl };
  const bareService = startNodeProcess([path.join(ROOT, 'bench/gateway-command/bare-service.mjs')], {
    cwd: ROOT,
    env: { ...bareEnv, SANDBOX_URL: sandboxUrl, P100_API_KEY: DEV_SECRETS.p100ApiKey, STATS_PORT: String(BARE_STATS_PORT) },
  });
  const barePort = BASE_PORT + 50;
  const bareGrpcPort = BASE_PORT + 52;
  const bareFront = startNodeProcess([path.join(ROOT, 'bench/gateway-command/bare-front.mjs')], { cwd: ROOT, env: { ...bareEnv, PORT: String(barePort), GRPC_PORT: String(bareGrpcPort) } });
  processes.push(bareFront, bareService);
  for (const [name, p] of [['bare service', bareService], ['bare front', bareFront]]) {
    await waitFor(async () => p.output().includes('READY'), name).catch((e) => {
      throw new Error(`${e.message}\n${p.output()}`);
    });
  }
  const bareUrl = `http://127.0.0.1:${barePort}`;
  const rpc = grpcClients(platform.gateway.grpcAddress);
  const bareRpc = grpcClients(`127.0.0.1:${bareGrpcPort}`);
  closers.push(rpc.close, bareRpc.close);

  const results = [];
  for (const command of COMMANDS) {
    for (const concurrency of CONCURRENCIES) {
      const rest = httpCaller(gatewayUrl, concurrency);
      const bare = httpCaller(bareUrl, concurrency);
      const user = (i) => users[i % users.length];
      const restStatus = async (p) => String((await p).status);
      const targets = {
        read: [
          { name: 'REST', call: (i) => restStatus(rest.call('GET', `/v1/users/${user(i)}`, { headers: auth })), ok: '200', edge: 'rest' },
          { name: 'gRPC', call: (i) => rpc.getUser(user(i)), ok: 'grpc:OK', edge: 'grpc' },
          { name: 'bare', call: (i) => restStatus(bare.call('GET', `/v1/users/${user(i)}`)), ok: '200' },
          { name: 'bare gRPC', call: (i) => bareRpc.getUser(user(i)), ok: 'grpc:OK' },
        ],
        transfer: [
          {
            name: 'REST',
            call: (i) => restStatus(rest.call('POST', `/v1/users/${user(i)}/transfers/from-partner`, { headers: { ...auth, 'idempotency-key': randomUUID() }, body: { amount: '0.01', currency: 'eur' } })),
            ok: '202',
            edge: 'rest',
          },
          { name: 'gRPC', call: (i) => rpc.transfer(user(i)), ok: 'grpc:OK', edge: 'grpc' },
          { name: 'bare', call: (i) => restStatus(bare.call('POST', `/v1/users/${user(i)}/transfers/from-partner`, { headers: { 'idempotency-key': randomUUID() }, body: { amount: '0.01', currency: 'eur' } })), ok: '202' },
          { name: 'bare gRPC', call: (i) => bareRpc.transfer(user(i)), ok: 'grpc:OK' },
          // The naive durable design: the same, with the key and the intent each written before and after (bare-front.mjs).
          {
            name: 'bare+db',
            call: (i) => restStatus(bare.call('POST', `/v1/users/${user(i)}/transfers/from-partner`, { headers: { 'idempotency-key': randomUUID(), 'x-bare-durable': '1' }, body: { amount: '0.01', currency: 'eur' } })),
            ok: '202',
          },
        ],
      }[command];
      const operation = command === 'read' ? 'users.get' : 'payments.transfers.from-partner';
      const service = command === 'read' ? { url: platform['onboarding-kyc'].url, topic: 'onboarding.commands' } : { url: platform.payments.url, topic: 'payments.commands' };
      // The processes on each target's path, for CPU per call (the broker serves both sides).
      const brokerPid = Object.values(infra.kafkaCluster?.nodes ?? {})[0]?.child?.pid;
      const servicePid = platform[command === 'read' ? 'onboarding-kyc' : 'payments'].child.pid;
      const sandboxPid = platform['p100-sandbox'].child.pid;
      const pathPids = (t) => ({
        front: t.edge ? platform.gateway.child.pid : bareFront.child.pid,
        service: t.edge ? servicePid : bareService.child.pid,
        ...(command === 'transfer' ? { sandbox: sandboxPid } : {}),
        ...(brokerPid ? { broker: brokerPid } : {}),
      });
      // Each side's Kafka requests (broker round trips by API), front and service.
      const kafkaRequestsOf = async (t) => {
        if (t.edge) return { front: await platformKafkaRequests(gatewayUrl), service: await platformKafkaRequests(service.url) };
        const json = async (url) => (await fetch(url)).json();
        return { front: await json(`${bareUrl}/kafka-requests`), service: await json(`http://127.0.0.1:${BARE_STATS_PORT}/kafka-requests`) };
      };
      // The service's P100 calls (sum in seconds, count): how much of its handler time is P100's.
      const p100CallsOf = async (t) => {
        if (command !== 'transfer') return { sum: 0, count: 0 };
        if (t.edge) return histogramTotals(service.url, 'p100_request_duration_seconds', { operation: 'createInternalTransfer' });
        return (await fetch(`http://127.0.0.1:${BARE_STATS_PORT}/p100-calls`)).json();
      };
      // The P100 requests the sandbox saw during a round and the 1.2 s after it (its request log),
      // by method and path shape: whether a target calls P100 more than once per command.
      const p100RequestsSince = async (since) => {
        if (command !== 'transfer') return {};
        const { requests } = await (await fetch(`${sandboxUrl}/admin/requests?since=${since}`)).json();
        const byShape = {};
        for (const r of requests) {
          const shape = `${r.method} ${r.path.replace(/\/[0-9a-f-]{8,}|\/\d+/gi, '/:id')}`;
          byShape[shape] = (byShape[shape] ?? 0) + 1;
        }
        return byShape;
      };
      const perRound = PER_ROUND[command];
      const label = `${command} × ${concurrency}`;
      for (const t of targets) {
        log(`${label} ${t.name}: warm-up`);
        await closedLoop({ count: Math.max(50, Math.round(perRound / 3)), concurrency, call: t.call });
      }
      const rounds = Object.fromEntries(targets.map((t) => [t.name, []]));
      const split = Object.fromEntries(targets.map((t) => [t.name, { gateway: { sum: 0, count: 0 }, handler: { sum: 0, count: 0 }, commits: 0, calls: 0, p100: { sum: 0, count: 0 }, p100Requests: {}, cpu: {}, cpuCalls: 0, kafka: { front: {}, service: {} } }]));
      for (let round = 1; round <= ROUNDS; round += 1) {
        for (const t of targets) {
          const measureCommits = command === 'transfer';
          // Stats of other backends reach pg_stat_database within about a second of their commits.
          if (measureCommits) await new Promise((r) => setTimeout(r, 1200));
          const commits0 = measureCommits ? await commitsNow() : 0;
          const g0 = t.edge ? await histogramTotals(gatewayUrl, 'gateway_operation_duration_seconds', { edge: t.edge, operation }) : undefined;
          const h0 = t.edge ? await histogramTotals(service.url, 'kafka_handler_duration_seconds', { topic: service.topic }) : undefined;
          const kafka0 = await kafkaRequestsOf(t);
          const p100Calls0 = await p100CallsOf(t);
          const cpu0 = cpuSnapshot(pathPids(t));
          const roundStart = Date.now();
          const result = await closedLoop({ count: perRound, concurrency, call: t.call, progressEvery: 500, onProgress: (done) => log(`round ${round}/${ROUNDS} ${label} ${t.name}: ${done}/${perRound}`) });
          for (const [name, ms] of Object.entries(cpuPerCall(cpu0, cpuSnapshot(pathPids(t)), perRound))) split[t.name].cpu[name] = (split[t.name].cpu[name] ?? 0) + ms * perRound;
          split[t.name].cpuCalls += perRound;
          const kafka1 = await kafkaRequestsOf(t);
          const p100Calls1 = await p100CallsOf(t);
          split[t.name].p100.sum += p100Calls1.sum - p100Calls0.sum;
          split[t.name].p100.count += p100Calls1.count - p100Calls0.count;
          for (const side of ['front', 'service']) {
            for (const [key, r] of Object.entries(requestsPerCall(kafka0[side], kafka1[side], perRound))) {
              const acc = (split[t.name].kafka[side][key] ??= { count: 0, ms: 0 });
              acc.count += r.perCall * perRound;
              acc.ms += r.meanMs * r.perCall * perRound;
            }
          }
          if (t.edge) {
            const [g1, h1] = [
              await histogramTotals(gatewayUrl, 'gateway_operation_duration_seconds', { edge: t.edge, operation }),
              await histogramTotals(service.url, 'kafka_handler_duration_seconds', { topic: service.topic }),
            ];
            split[t.name].gateway.sum += g1.sum - g0.sum;
            split[t.name].gateway.count += g1.count - g0.count;
            split[t.name].handler.sum += h1.sum - h0.sum;
            split[t.name].handler.count += h1.count - h0.count;
          }
          if (measureCommits) {
            await new Promise((r) => setTimeout(r, 1200));
            split[t.name].commits += (await commitsNow()) - commits0;
            split[t.name].calls += perRound;
            for (const [shape, n] of Object.entries(await p100RequestsSince(roundStart))) split[t.name].p100Requests[shape] = (split[t.name].p100Requests[shape] ?? 0) + n;
          }
          rounds[t.name].push(result);
          const s = summarize([result]);
          log(`round ${round}/${ROUNDS} ${label} ${t.name}: ${s.throughput.toFixed(0)} req/s, p50 ${s.p50.toFixed(2)} ms, p99 ${s.p99.toFixed(2)} ms ${JSON.stringify(result.statuses)} (load average ${loadAverage()})`);
          const failed = Object.entries(result.statuses).filter(([k]) => k !== t.ok);
          if (failed.length > 0) {
            log(`${label} ${t.name}: not every call succeeded: ${JSON.stringify(result.statuses)}`);
            exitCode = 1;
          }
        }
      }
      for (const t of targets) {
        const pooled = summarize(rounds[t.name]);
        const mean = pooled.latencies.reduce((a, b) => a + b, 0) / pooled.latencies.length;
        results.push({ command, concurrency, target: t.name, edge: t.edge, ...pooled, mean, split: split[t.name] });
      }
      rest.close();
      bare.close();
    }
  }

  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.type()} ${os.release()}, Node ${process.version}`;
  const broker = infra.kafkaDevBroker ? 'dev broker (librdkafka mock)' : `Apache Kafka ${infra.kafkaVersion ?? process.env.KAFKA_VERSION ?? '(version not reported)'}`;
  const find = (command, concurrency, target) => results.find((r) => r.command === command && r.concurrency === concurrency && r.target === target);
  const ms = (v) => (v === undefined || Number.isNaN(v) ? '—' : v.toFixed(2));
  const lines = [
    '',
    `gateway command round trip — ${new Date().toISOString()} — run ${run}`,
    `machine: ${machine}`,
    `broker: ${broker} at ${infra.kafkaBrokers}; platform LOG_LEVEL=${LOG_LEVEL}; ${USERS} users; per round: ${PER_ROUND.read} reads / ${PER_ROUND.transfer} transfers; ${ROUNDS} alternating rounds per target`,
    '',
    '| command | callers | target | req/s | p50 ms | p99 ms | p50 / bare | p99 / bare | mean ms | gateway op mean ms | service handler mean ms | P100 call mean ms | DB commits per call | CPU ms per call (front / service / sandbox / broker) |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  const verdicts = [];
  for (const r of results) {
    const bare = find(r.command, r.concurrency, 'bare');
    const s = r.split;
    const gw = s.gateway.count ? (s.gateway.sum / s.gateway.count) * 1000 : undefined;
    const handler = s.handler.count ? (s.handler.sum / s.handler.count) * 1000 : undefined;
    const p100Call = s.p100.count ? (s.p100.sum / s.p100.count) * 1000 : undefined;
    const commits = s.calls ? (s.commits / s.calls).toFixed(1) : '—';
    const cpu = ['front', 'service', 'sandbox', 'broker'].map((n) => (s.cpu[n] === undefined ? '—' : (s.cpu[n] / s.cpuCalls).toFixed(2))).join(' / ');
    lines.push(
      `| ${r.command} | ${r.concurrency} | ${r.target} | ${r.throughput.toFixed(0)} | ${ms(r.p50)} | ${ms(r.p99)} | ${r.target === 'bare' ? '' : (r.p50 / bare.p50).toFixed(2)} | ${r.target === 'bare' ? '' : (r.p99 / bare.p99).toFixed(2)} | ${ms(r.mean)} | ${ms(gw)} | ${ms(handler)} | ${ms(p100Call)} | ${commits} | ${cpu} |`,
    );
    if (r.edge) {
      const met = r.p50 <= TARGET_RATIO * bare.p50 && r.p99 <= TARGET_RATIO * bare.p99;
      verdicts.push(`${r.command} ×${r.concurrency} ${r.target}: p50 ${(r.p50 / bare.p50).toFixed(2)}, p99 ${(r.p99 / bare.p99).toFixed(2)} → ${met ? 'met' : 'NOT met'}`);
    }
  }
  // Broker round trips per call, by side, role and Kafka API (with their mean time): what each
  // side's transport costs, beside the CPU above.
  lines.push('', '| command | callers | target | Kafka requests per call, front (mean ms) | Kafka requests per call, service (mean ms) |', '|---|---|---|---|---|');
  for (const r of results) {
    const describe = (side) =>
      Object.entries(r.split.kafka[side])
        .filter(([, a]) => a.count / r.split.cpuCalls >= 0.01)
        .sort((a, b) => b[1].count - a[1].count)
        .map(([key, a]) => `${key} ${(a.count / r.split.cpuCalls).toFixed(2)} (${(a.ms / a.count).toFixed(2)})`)
        .join(', ');
    lines.push(`| ${r.command} | ${r.concurrency} | ${r.target} | ${describe('front')} | ${describe('service')} |`);
  }
  const withP100Requests = results.filter((r) => Object.keys(r.split.p100Requests).length > 0);
  if (withP100Requests.length) {
    lines.push('', '| command | callers | target | P100 requests per call (the sandbox\'s request log, the round and 1.2 s after) |', '|---|---|---|---|');
    for (const r of withP100Requests) {
      const described = Object.entries(r.split.p100Requests)
        .sort((a, b) => b[1] - a[1])
        .map(([shape, n]) => `${shape} ${(n / r.split.calls).toFixed(2)}`)
        .join(', ');
      lines.push(`| ${r.command} | ${r.concurrency} | ${r.target} | ${described} |`);
    }
  }
  // The tail, to tell a stall (a cluster far out) from a broad spread (contention).
  lines.push('', '| command | callers | target | p50 ms | p90 ms | p99 ms | p99.9 ms | max ms |', '|---|---|---|---|---|---|---|---|');
  for (const r of results) lines.push(`| ${r.command} | ${r.concurrency} | ${r.target} | ${ms(r.p50)} | ${ms(r.p90)} | ${ms(r.p99)} | ${ms(r.p999)} | ${ms(r.max)} |`);
  const against = (edges, baseline) =>
    results
      .filter((r) => edges.includes(r.edge))
      .flatMap((r) => {
        const base = find(r.command, r.concurrency, baseline);
        return base ? [`${r.command} ×${r.concurrency} ${r.target}: p50 ${(r.p50 / base.p50).toFixed(2)}, p99 ${(r.p99 / base.p99).toFixed(2)}`] : [];
      });
  const naive = against(['rest', 'grpc'], 'bare+db');
  const sameTransport = against(['grpc'], 'bare gRPC');
  const bestReads = Math.max(...results.filter((r) => r.command === 'read' && r.edge).map((r) => r.throughput));
  lines.push(
    '',
    `targets (issue 12): round trip ≤ ${TARGET_RATIO} × bare at p50 and p99:`,
    ...verdicts.map((v) => `  ${v}`),
    ...(Number.isFinite(bestReads) ? [`  reads/s through the gateway ≥ ${TARGET_READS_PER_S}: best ${bestReads.toFixed(0)} → ${bestReads >= TARGET_READS_PER_S ? 'met' : 'NOT met'}`] : []),
    ...(naive.length ? ['money command against the naive durable design (bare+db: key and intent written, no ledger, no outbox, no validation):', ...naive.map((v) => `  ${v}`)] : []),
    ...(sameTransport.length ? ['gRPC edge against the bare front on the same transport (bare gRPC: grpc-js, no auth, no validation, no idempotency):', ...sameTransport.map((v) => `  ${v}`)] : []),
    `load average at the start: ${loadBefore}; at the end: ${loadAverage()}; total time ${((Date.now() - started) / 1000).toFixed(0)} s`,
  );
  console.log(lines.join('\n'));
  if (exitCode !== 0) console.error(`[bench] last platform output:\n${platformLog.slice(-30).join('')}`);
} catch (error) {
  console.error(error?.stack ?? error);
  console.error(`[bench] last platform output:\n${platformLog.slice(-30).join('')}`);
  exitCode = 1;
} finally {
  for (const close of closers) close();
  await Promise.all(processes.map((p) => p.stop()));
  if (platform) await stopPlatform(platform);
  await db.end();
  await infra.stop();
}
process.exit(exitCode);
