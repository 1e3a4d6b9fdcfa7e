// The platform's processes: how each service is started (from dist/), its environment, its
// health URL. Shared by `npm start` (tools/platform/start.mjs) and the end-to-end tests, so the
// tests run the platform exactly as a developer does.
const { spawn, spawnSync } = require('node:child_process');
const { createHash } = require('node:crypto');
const path = require('node:path');

const root = path.resolve(__dirname, '..', '..');

/** Local-only development secrets; real deployments set their own through the environment. */
const DEV_SECRETS = {
  gatewayApiKey: 'dev-product-service-key-0001',
  // A second product service that may only read users (docs/gateway-access.md).
  gatewayReadOnlyKey: 'dev-statements-read-key-0001',
  p100ApiKey: 'dev-p100-sandbox-api-key-0001',
  webhookToken: 'dev-p100-webhook-token-0001',
  webhookAdminToken: 'dev-webhook-admin-token-0001',
  // Seals one-time card codes (webhook-ingest, cards): 32 bytes, base64. Local only.
  codeKeys: `dev:${Buffer.alloc(32, 0x2a).toString('base64')}`,
  // Seals the codes cards publishes on cards.secure-codes, for the product service that shows them.
  secureCodeKeys: `dev:${Buffer.alloc(32, 0x3b).toString('base64')}`,
  // The gateway's credential on the cards secure lane (card creation, reveal, PIN).
  cardsLaneToken: 'dev-cards-secure-lane-token-0001-local-only',
};

const SERVICES = [
  { name: 'p100-sandbox', offset: 100, entry: 'apps/p100-sandbox/src/main.js', portVar: 'P100_SANDBOX_PORT' },
  { name: 'webhook-ingest', offset: 4, entry: 'apps/webhook-ingest/src/main.js', portVar: 'PORT' },
  { name: 'onboarding-kyc', offset: 1, entry: 'apps/onboarding-kyc/src/main.js', portVar: 'PORT' },
  { name: 'payments', offset: 2, entry: 'apps/payments/src/main.js', portVar: 'PORT' },
  { name: 'cards', offset: 3, entry: 'apps/cards/src/main.js', portVar: 'PORT' },
  { name: 'gateway', offset: 0, entry: 'apps/gateway/src/main.js', portVar: 'PORT' },
];

/**
 * The fault suite injects faults and kills processes: it may only ever run against the local
 * sandbox. Returns why not when P100_BASE_URL points anywhere else, or null.
 */
function remoteP100Refusal(url = process.env.P100_BASE_URL) {
  if (!url || /^https?:\/\/(127\.0\.0\.1|localhost)(:\d+)?(\/|$)/.test(url)) return null;
  return `the fault suite runs against the local sandbox only; P100_BASE_URL=${url} points elsewhere (unset it)`;
}

/** The gRPC port of the gateway: its HTTP port + 10 (3010 under `npm start`). */
const GRPC_OFFSET = 10;

const sha256 = (key) => createHash('sha256').update(key, 'utf8').digest('hex');

/** The product services `npm start` lets in: every scope for the dev key, users:read for the other. */
function devGatewayClients() {
  const all = ['users:read', 'users:write', 'payments:read', 'payments:write', 'cards:read', 'cards:write', 'cards:reveal', 'partner:read', 'partner:write'];
  return JSON.stringify([
    { name: 'product-dev', keys: [{ id: 'dev-1', sha256: sha256(DEV_SECRETS.gatewayApiKey) }], scopes: all, rateLimit: { perSecond: 1000, burst: 2000 } },
    { name: 'statements-dev', keys: [{ id: 'dev-1', sha256: sha256(DEV_SECRETS.gatewayReadOnlyKey) }], scopes: ['users:read'] },
  ]);
}

function build(log = console.error) {
  const result = spawnSync(process.execPath, [path.join(root, 'tools/build/build.mjs')], { cwd: root, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`build failed:\n${result.stdout}\n${result.stderr}`);
  log(result.stdout.trim());
}

/** Environment of every service, from the infra addresses, a base port and the time scale. */
function serviceEnv(service, { infra, basePort, timeScale, logLevel, env = {} }) {
  const port = (name) => basePort + SERVICES.find((s) => s.name === name).offset;
  const common = {
    DATABASE_URL: infra.databaseUrl,
    KAFKA_BROKERS: infra.kafkaBrokers,
    KAFKA_DEV_BROKER: String(infra.kafkaDevBroker),
    LOG_LEVEL: logLevel,
    HOST: '127.0.0.1',
    [service.portVar]: String(port(service.name)),
  };
  // How onboarding-kyc, payments and cards reach P100 (the sandbox unless P100_BASE_URL says otherwise).
  const p100Client = {
    P100_BASE_URL: process.env.P100_BASE_URL || `http://127.0.0.1:${port('p100-sandbox')}`,
    P100_API_KEY: process.env.P100_API_KEY || DEV_SECRETS.p100ApiKey,
  };
  const specific = {
    'p100-sandbox': {
      P100_SANDBOX_API_KEY: process.env.P100_API_KEY || DEV_SECRETS.p100ApiKey,
      P100_SANDBOX_WEBHOOK_URL: `http://127.0.0.1:${port('webhook-ingest')}`,
      P100_SANDBOX_WEBHOOK_TOKEN: process.env.P100_WEBHOOK_TOKEN || DEV_SECRETS.webhookToken,
      P100_SANDBOX_TIME_SCALE: String(timeScale),
      P100_SANDBOX_KYC_DECISION_DELAY_MS: '1000',
    },
    'webhook-ingest': {
      P100_WEBHOOK_TOKEN: process.env.P100_WEBHOOK_TOKEN || DEV_SECRETS.webhookToken,
      P100_CODE_KEYS: process.env.P100_CODE_KEYS || DEV_SECRETS.codeKeys,
      WEBHOOK_ADMIN_TOKEN: process.env.WEBHOOK_ADMIN_TOKEN || DEV_SECRETS.webhookAdminToken,
    },
    'onboarding-kyc': p100Client,
    payments: {
      ...p100Client,
      // The reconciliation poller follows the sandbox's clock, so a lost webhook is made up for in
      // seconds under test (30 s / 5 s at scale 1).
      PAYMENTS_POLL_AFTER_MS: String(Math.max(1000, Math.round(30_000 * timeScale))),
      PAYMENTS_POLL_INTERVAL_MS: String(Math.max(200, Math.round(5_000 * timeScale))),
    },
    cards: {
      ...p100Client,
      P100_CODE_KEYS: process.env.P100_CODE_KEYS || DEV_SECRETS.codeKeys,
      CARDS_SECURE_CODE_KEYS: process.env.CARDS_SECURE_CODE_KEYS || DEV_SECRETS.secureCodeKeys,
      CARDS_LANE_TOKEN: process.env.CARDS_LANE_TOKEN || DEV_SECRETS.cardsLaneToken,
    },
    gateway: {
      GRPC_PORT: String(port('gateway') + GRPC_OFFSET),
      CARDS_LANE_URL: `http://127.0.0.1:${port('cards')}`,
      CARDS_LANE_TOKEN: process.env.CARDS_LANE_TOKEN || DEV_SECRETS.cardsLaneToken,
      // Your GATEWAY_CLIENTS or GATEWAY_CLIENTS_FILE wins over the dev clients.
      ...(process.env.GATEWAY_CLIENTS || process.env.GATEWAY_CLIENTS_FILE ? {} : { GATEWAY_CLIENTS: devGatewayClients() }),
    },
  };
  // `env`: overrides for every service (tests that shorten timeouts), over all of the above.
  return { ...process.env, ...common, ...(specific[service.name] ?? {}), ...env };
}

class RunningService {
  constructor(service, env, port, logSink) {
    this.service = service;
    this.port = port;
    this.url = `http://127.0.0.1:${port}`;
    if (env.GRPC_PORT) this.grpcAddress = `127.0.0.1:${env.GRPC_PORT}`;
    this.exited = null;
    this.child = spawn(process.execPath, [path.join(root, 'dist', service.entry)], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    this.child.stdout.on('data', (chunk) => logSink(service.name, chunk));
    this.child.stderr.on('data', (chunk) => logSink(service.name, chunk));
    this.exitPromise = new Promise((resolve) => this.child.on('exit', (code, signal) => resolve((this.exited = { code, signal }))));
  }

  async waitHealthy(timeoutMs) {
    const deadline = Date.now() + timeoutMs;
    let last = 'no answer';
    while (Date.now() < deadline) {
      if (this.exited) throw new Error(`${this.service.name} exited (${JSON.stringify(this.exited)}) before it was healthy`);
      try {
        const res = await fetch(`${this.url}/health`, { signal: AbortSignal.timeout(2000) });
        if (res.ok) return;
        last = `${res.status} ${await res.text()}`;
      } catch (error) {
        last = error.message;
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`${this.service.name} not healthy after ${timeoutMs} ms: ${last}`);
  }

  /** Sends `signal` (tests: SIGKILL to prove nothing acknowledged is lost) and waits for the exit. */
  async kill(signal) {
    if (this.exited) return this.exited;
    this.child.kill(signal);
    return this.exitPromise;
  }

  /** SIGTERM: services drain consumers and close connections; SIGKILL after a grace period. */
  async stop(graceMs = 15_000) {
    if (this.exited) return this.exited;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
    const result = await this.exitPromise;
    clearTimeout(timer);
    return result;
  }
}

/**
 * Starts the sandbox and the five services (in dependency order, all in parallel where possible)
 * and waits until each answers /health with 200.
 */
async function startPlatform({ infra, basePort = 3000, timeScale = 1, logLevel = 'info', logSink, only, healthTimeoutMs = 60_000, log = () => {}, env }) {
  const sink = logSink ?? ((name, chunk) => process.stdout.write(prefixLines(name, chunk)));
  const running = {};
  const selected = SERVICES.filter((s) => !only || only.includes(s.name));
  for (const service of selected) {
    const serviceVars = serviceEnv(service, { infra, basePort, timeScale, logLevel, env });
    running[service.name] = new RunningService(service, serviceVars, basePort + service.offset, sink);
  }
  try {
    await Promise.all(
      Object.values(running).map(async (r) => {
        const started = Date.now();
        await r.waitHealthy(healthTimeoutMs);
        log(`[platform] ${r.service.name} healthy on ${r.url} (${Date.now() - started} ms)`);
      }),
    );
  } catch (error) {
    await stopPlatform(running);
    throw error;
  }
  return running;
}

async function stopPlatform(running) {
  // Gateway first (no new commands), sandbox last (so in-flight calls still get answers).
  const order = ['gateway', 'payments', 'cards', 'onboarding-kyc', 'webhook-ingest', 'p100-sandbox'];
  for (const name of order) if (running[name]) await running[name].stop();
}

/**
 * The platform of a test run (e2e, faults): built first, on the infrastructure the Jest global
 * setup put in the environment (DATABASE_URL, KAFKA_BROKERS, KAFKA_DEV_BROKER: its own database
 * and Kafka namespace). `restart(name)` starts a stopped or killed service again and waits for it.
 */
async function startTestPlatform(options) {
  const { DATABASE_URL: databaseUrl, KAFKA_BROKERS: kafkaBrokers } = process.env;
  if (!databaseUrl || !kafkaBrokers) throw new Error('DATABASE_URL / KAFKA_BROKERS not set: run the tests through `npm test` or their Jest config (its global setup provides them)');
  const full = { infra: { databaseUrl, kafkaBrokers, kafkaDevBroker: process.env.KAFKA_DEV_BROKER === 'true' }, ...options };
  build(() => {});
  const running = await startPlatform(full);
  return {
    running,
    restart: async (name) => {
      await restartService(running, name, full).waitHealthy(full.healthTimeoutMs ?? 60_000);
    },
    stop: () => stopPlatform(running),
  };
}

function restartService(running, name, { infra, basePort = 3000, timeScale = 1, logLevel = 'info', logSink, env }) {
  const service = SERVICES.find((s) => s.name === name);
  const sink = logSink ?? ((n, chunk) => process.stdout.write(prefixLines(n, chunk)));
  running[name] = new RunningService(service, serviceEnv(service, { infra, basePort, timeScale, logLevel, env }), basePort + service.offset, sink);
  return running[name];
}

function prefixLines(name, chunk) {
  return chunk
    .toString()
    .split('\n')
    .filter((l) => l.length > 0)
    .map((l) => `${name.padEnd(15)}| ${l}\n`)
    .join('');
}

/** One built service as its own process with the given environment and port (tests that kill it). */
function spawnService(name, env, port, logSink = () => {}) {
  const service = SERVICES.find((s) => s.name === name);
  if (!service) throw new Error(`unknown service ${name}`);
  return new RunningService(service, env, port, logSink);
}

/** A connection URL with its password replaced: what a banner or a log may show. */
function maskUrl(url) {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '<unparseable URL>';
  }
}

/**
 * What `npm start` prints once the platform is up. No secret goes in it: not the dev API key
 * (the README names it), not a database password.
 */
function startBanner({ running, infra, seconds }) {
  const url = (name) => running[name].url;
  return `
[platform] healthy in ${seconds.toFixed(1)} s

  Gateway REST     ${url('gateway')}/v1/users        (x-api-key: ${process.env.GATEWAY_CLIENTS || process.env.GATEWAY_CLIENTS_FILE ? 'a key of your GATEWAY_CLIENTS' : 'the dev key from the README walk-through'})
  Gateway gRPC     ${running.gateway.grpcAddress}  (package p100platform.v1, reflection on; node tools/grpc/call.mjs)
  Swagger UI       ${url('gateway')}/docs
  P100 sandbox     ${url('p100-sandbox')}  (admin API under /admin, docs at /docs)
  Webhook ingest   ${url('webhook-ingest')}/webhook/...
  Metrics          ${Object.keys(running).map((n) => `${url(n)}/metrics`).join('\n                   ')}

  DATABASE_URL=${maskUrl(infra.databaseUrl)}
  KAFKA_BROKERS=${infra.kafkaBrokers}  (${infra.kafkaDevBroker ? 'librdkafka dev broker' : `Apache Kafka ${infra.kafkaVersion ?? ''}`.trim()})

Press Ctrl-C to stop.`;
}

module.exports = { SERVICES, DEV_SECRETS, GRPC_OFFSET, remoteP100Refusal, build, startPlatform, startTestPlatform, stopPlatform, restartService, spawnService, startBanner, maskUrl, root };
