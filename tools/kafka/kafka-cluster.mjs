// A real Apache Kafka cluster in KRaft mode on this machine, without docker: one combined
// broker+controller (the default), or three (`nodes: 3`: replication factor 3,
// min.insync.replicas=2) for the reliability tests, which stop, kill and restart single nodes.
//
//   const cluster = await startKafkaCluster({ nodes: 1, log });
//   cluster.bootstrap          // "127.0.0.1:40123,..."
//   await cluster.nodes[1].kill();  await cluster.nodes[1].start();
//   await cluster.stop();      // SIGTERM (controlled shutdown), then removes the data
//
// Every node listens on free loopback ports and keeps its data in .runtime/kafka/runs/<run>/;
// the run folder is removed on stop. A node dies with the process that started it (setpriv
// --pdeathsig), so a killed `npm start` or test run leaves no Java process behind.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import kafkajs from './kafkajs.mjs';
import { ensureKafkaRuntime } from './kafka-runtime.mjs';

const { Kafka, logLevel } = kafkajs;
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const RUNS_DIR = path.join(ROOT, '.runtime/kafka/runs');
const START_TIMEOUT_MS = 60_000;
const STOP_GRACE_MS = 15_000;
const HAS_SETPRIV = spawnSync('setpriv', ['--help'], { stdio: 'ignore' }).status === 0;

/**
 * @param {{ nodes?: 1 | 3, version?: string, log?: (line: string) => void, heap?: string }} [options]
 */
export async function startKafkaCluster({ nodes: count = 1, version, log = console.error, heap = process.env.KAFKA_HEAP || '512m' } = {}) {
  if (count !== 1 && count !== 3) throw new Error(`[kafka] a cluster has 1 or 3 nodes, not ${count}`);
  const t0 = Date.now();
  const runtime = await ensureKafkaRuntime({ version, log });
  const runDir = path.join(RUNS_DIR, `${process.pid}-${randomBytes(3).toString('hex')}`);
  const ports = await freePorts(count * 2);
  const ids = Array.from({ length: count }, (_, i) => i + 1);
  const specs = ids.map((id, i) => ({ id, port: ports[2 * i], controllerPort: ports[2 * i + 1], dir: path.join(runDir, `node-${id}`) }));
  const voters = specs.map((s) => `${s.id}@127.0.0.1:${s.controllerPort}`).join(',');
  const replication = count === 3 ? { factor: 3, minIsr: 2 } : { factor: 1, minIsr: 1 };
  const clusterId = kafkaUuid();

  for (const spec of specs) {
    mkdirSync(spec.dir, { recursive: true });
    spec.config = path.join(spec.dir, 'server.properties');
    writeFileSync(spec.config, serverProperties(spec, { count, voters, replication }));
  }
  // One JVM per node formats its storage; in parallel, they take as long as one (~2.5 s).
  await Promise.all(
    specs.map((spec) =>
      runJava(runtime, jvmOptions('128m'), ['kafka.tools.StorageTool', 'format', ...(count === 1 ? ['--standalone'] : []), '-t', clusterId, '-c', spec.config, '--ignore-formatted']),
    ),
  );

  const nodes = specs.map((spec) => new KafkaNode(spec, runtime, heap));
  const cluster = {
    version: runtime.version,
    kafkaDevBroker: false,
    nodes: Object.fromEntries(nodes.map((n) => [n.id, n])),
    replicationFactor: replication.factor,
    minInsyncReplicas: replication.minIsr,
    bootstrap: specs.map((s) => `127.0.0.1:${s.port}`).join(','),
    runDir,
    stop: async () => {
      await Promise.all(nodes.map((n) => n.stop()));
      process.removeListener('exit', killAll);
      rmSync(runDir, { recursive: true, force: true });
    },
  };
  const killAll = () => nodes.forEach((n) => n.child?.kill('SIGKILL'));
  process.on('exit', killAll);
  try {
    for (const node of nodes) node.start();
    await waitForCluster(cluster.bootstrap, count, nodes);
  } catch (error) {
    await cluster.stop().catch(() => {});
    throw error;
  }
  log(
    `[kafka] Apache Kafka ${runtime.version} (KRaft, ${count === 1 ? 'one broker+controller' : `${count} broker+controller nodes, replication ${replication.factor}, min.insync.replicas ${replication.minIsr}`}) ` +
      `on ${cluster.bootstrap} (${((Date.now() - t0) / 1000).toFixed(1)} s)`,
  );
  return cluster;
}

class KafkaNode {
  constructor(spec, runtime, heap) {
    this.id = spec.id;
    this.port = spec.port;
    this.address = `127.0.0.1:${spec.port}`;
    this.spec = spec;
    this.runtime = runtime;
    this.heap = heap;
    this.child = null;
    this.exited = null;
  }

  get running() {
    return this.child !== null && this.exited === null;
  }

  /** Starts the node (again, after stop/kill: same ports, same data). Resolves when it listens. */
  start() {
    if (this.running) return this.listening;
    const logFile = path.join(this.spec.dir, 'broker.log');
    const fd = openSync(logFile, 'a');
    const java = ['java', ...jvmOptions(this.heap), '-cp', this.runtime.classpath, 'kafka.Kafka', this.spec.config];
    // --pdeathsig: the kernel sends SIGTERM to the broker when its parent dies, however it dies.
    const [command, ...args] = HAS_SETPRIV ? ['setpriv', '--pdeathsig', 'TERM', '--', ...java] : java;
    this.exited = null;
    // Its own process group: a terminal's Ctrl-C reaches the services, which leave their consumer
    // groups, before we stop the broker (stop() is called last, and pdeathsig covers our death).
    this.child = spawn(command, args, { cwd: this.spec.dir, stdio: ['ignore', fd, fd], detached: true });
    closeSync(fd);
    const child = this.child;
    this.exitPromise = new Promise((resolve) =>
      child.once('exit', (code, signal) => {
        this.exited = { code, signal };
        resolve(this.exited);
      }),
    );
    this.listening = waitForPort(this.port, START_TIMEOUT_MS, () => this.exited, logFile);
    return this.listening;
  }

  /** Controlled shutdown (SIGTERM), SIGKILL after a grace period. */
  async stop() {
    if (!this.running) return this.exited;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child?.kill('SIGKILL'), STOP_GRACE_MS);
    const result = await this.exitPromise;
    clearTimeout(timer);
    return result;
  }

  /** A crash: no controlled shutdown, no flush. */
  async kill() {
    if (!this.running) return this.exited;
    this.child.kill('SIGKILL');
    return this.exitPromise;
  }

  logTail(lines = 20) {
    return tail(path.join(this.spec.dir, 'broker.log'), lines);
  }
}

function serverProperties(spec, { count, voters, replication }) {
  const lines = {
    'process.roles': 'broker,controller',
    'node.id': spec.id,
    // One node: a dynamic quorum formatted with --standalone. Three: the static voter set.
    ...(count === 1 ? { 'controller.quorum.bootstrap.servers': `127.0.0.1:${spec.controllerPort}` } : { 'controller.quorum.voters': voters }),
    listeners: `PLAINTEXT://127.0.0.1:${spec.port},CONTROLLER://127.0.0.1:${spec.controllerPort}`,
    'advertised.listeners': `PLAINTEXT://127.0.0.1:${spec.port}`,
    'controller.listener.names': 'CONTROLLER',
    'inter.broker.listener.name': 'PLAINTEXT',
    'listener.security.protocol.map': 'PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT',
    'log.dirs': path.join(spec.dir, 'data'),
    // Topics exist only when our provisioner creates them from the catalog, as in production.
    'auto.create.topics.enable': false,
    // A group's first member gets its partitions at once instead of after 3 s.
    'group.initial.rebalance.delay.ms': 0,
    'default.replication.factor': replication.factor,
    'min.insync.replicas': replication.minIsr,
    'offsets.topic.replication.factor': replication.factor,
    'transaction.state.log.replication.factor': replication.factor,
    'transaction.state.log.min.isr': replication.minIsr,
    'share.coordinator.state.topic.replication.factor': replication.factor,
    'share.coordinator.state.topic.min.isr': replication.minIsr,
    // Internal topics sized for one machine (defaults 50 and 50 partitions): faster first join.
    'offsets.topic.num.partitions': 8,
    'transaction.state.log.num.partitions': 4,
    // The active controller appends a no-op record to the metadata log when idle: every 500 ms by
    // default, most of an idle broker's CPU here. Every 5 s still fences stale controllers in time.
    'metadata.max.idle.interval.ms': 5000,
    // Threads for one machine: every idle handler thread wakes a few times a second.
    'num.network.threads': 1,
    'num.io.threads': 2,
    'background.threads': 2,
    'group.coordinator.threads': 1,
    'share.coordinator.threads': 1,
    // Three nodes: a killed node leaves the ISR and its partitions get new leaders in seconds,
    // not after the 30 s / 9 s defaults (the reliability tests kill nodes on purpose).
    ...(count === 3 ? { 'replica.lag.time.max.ms': 5000, 'broker.heartbeat.interval.ms': 500, 'broker.session.timeout.ms': 3000 } : {}),
    // One node heartbeats only to itself, and no follower reads its high watermarks: both less
    // often than the defaults (2 s, 5 s), which is most of what an idle single broker does.
    ...(count === 1 ? { 'broker.heartbeat.interval.ms': 5000, 'broker.session.timeout.ms': 18000, 'replica.high.watermark.checkpoint.interval.ms': 30000 } : {}),
    // Onboarding commands carry KYC files (<= 3 x 5 MB, base64): docs/decisions/0002.
    'message.max.bytes': 25 * 1024 * 1024,
    'replica.fetch.max.bytes': 25 * 1024 * 1024,
  };
  return `${Object.entries(lines)
    .map(([k, v]) => `${k}=${v}`)
    .join('\n')}\n`;
}

/** Small heap, serial GC, C1 only: a broker for one machine that starts fast and idles cheaply. */
function jvmOptions(max) {
  return [
    `-Xmx${max}`,
    '-Xms64m',
    '-XX:+UseSerialGC',
    '-XX:TieredStopAtLevel=1',
    '-XX:+ExitOnOutOfMemoryError',
    // No hsperfdata file (jstat): its sampler thread wakes every 50 ms.
    '-XX:-UsePerfData',
    '-Djava.awt.headless=true',
    `-Dorg.slf4j.simpleLogger.defaultLogLevel=${process.env.KAFKA_LOG_LEVEL || 'warn'}`,
    ...(process.env.KAFKA_JVM_OPTS ? process.env.KAFKA_JVM_OPTS.split(/\s+/).filter(Boolean) : []),
  ];
}

function runJava(runtime, jvm, args) {
  return new Promise((resolve, reject) => {
    const child = spawn('java', [...jvm, '-cp', runtime.classpath, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (c) => (output += c));
    child.stderr.on('data', (c) => (output += c));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(output) : reject(new Error(`[kafka] ${args[0]} ${args[1]} failed (exit ${code}):\n${output.trim().split('\n').slice(-10).join('\n')}`))));
  });
}

/** Kafka's cluster ids are 16 random bytes in URL-safe base64 without padding, not starting with '-'. */
function kafkaUuid() {
  for (;;) {
    const id = randomBytes(16).toString('base64url');
    if (!id.startsWith('-')) return id;
  }
}

async function freePorts(n) {
  const servers = await Promise.all(
    Array.from({ length: n }, () => new Promise((resolve, reject) => {
      const server = net.createServer();
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve(server));
    })),
  );
  const ports = servers.map((s) => s.address().port);
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
  return ports;
}

async function waitForPort(port, timeoutMs, exited, logFile) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exited()) throw new Error(`[kafka] broker on port ${port} exited during start-up (${JSON.stringify(exited())}):\n${tail(logFile, 15)}`);
    if (await canConnect(port)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`[kafka] broker on port ${port} not listening after ${timeoutMs / 1000} s:\n${tail(logFile, 15)}`);
}

function canConnect(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Every node registered with the controller, and the group coordinator up (first joins are fast). */
async function waitForCluster(bootstrap, count, nodes) {
  await Promise.all(nodes.map((n) => n.listening));
  const kafka = new Kafka({ clientId: 'kafka-cluster-ready', brokers: bootstrap.split(','), logLevel: logLevel.NOTHING, retry: { retries: 20, initialRetryTime: 100, maxRetryTime: 1000 } });
  const admin = kafka.admin();
  const deadline = Date.now() + START_TIMEOUT_MS;
  await admin.connect();
  try {
    for (;;) {
      const { brokers } = await admin.describeCluster().catch(() => ({ brokers: [] }));
      if (brokers.length === count) break;
      if (Date.now() > deadline) throw new Error(`[kafka] ${brokers.length} of ${count} brokers registered after ${START_TIMEOUT_MS / 1000} s:\n${nodes[0].logTail()}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    // Creates and loads __consumer_offsets, and the producer-id manager, now rather than during a
    // service's first group join or idempotent produce (which would log "coordinator is loading").
    await admin.fetchOffsets({ groupId: 'kafka-cluster-warm-up', topics: [] }).catch(() => {});
    const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect().catch(() => {});
    await producer.disconnect().catch(() => {});
  } finally {
    await admin.disconnect().catch(() => {});
  }
}

function tail(file, lines) {
  if (!existsSync(file)) return '(no log)';
  return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
}
