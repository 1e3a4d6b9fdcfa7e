import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

// Jest cannot import the ESM Kafka tooling, so the cluster lives in tools/kafka/cluster-helper.mjs
// (a child process that takes kill/stop/start lines) and the catalog is provisioned by the same
// CLI a deployment runs (tools/kafka/provision-topics.mjs).
const TOOLS = path.resolve(__dirname, '../../../../../tools/kafka');

/** A real 3-node KRaft cluster (replication 3, min.insync.replicas 2) whose nodes a scenario kills. */
export class KafkaClusterProcess {
  private output = '';
  /** host:port,... of the three nodes (the same ports after every restart). */
  bootstrap = '';

  private constructor(
    private readonly child: ChildProcess,
    private readonly commandWithinMs: number,
  ) {
    child.stdout!.on('data', (c) => (this.output += c));
  }

  /** Bounds: the cluster up within `readyWithinMs`, each command done within `commandWithinMs`. */
  static async start(nodes: 1 | 3, { readyWithinMs = 180_000, commandWithinMs = 120_000 } = {}): Promise<KafkaClusterProcess> {
    const child = spawn(process.execPath, [path.join(TOOLS, 'cluster-helper.mjs'), '--nodes', String(nodes)], { stdio: ['pipe', 'pipe', 'inherit'] });
    const starting = new KafkaClusterProcess(child, commandWithinMs);
    // The helper reads stdin only once the cluster is up: a start that fails is ended by signal
    // (its nodes get SIGTERM through --pdeathsig), or the run would hang on three JVMs.
    const ready = await starting.waitFor(/^READY (\S+)$/m, readyWithinMs).catch((error) => {
      child.kill('SIGTERM');
      throw error;
    });
    starting.output = '';
    starting.bootstrap = ready[1]!;
    return starting;
  }

  get brokers(): string[] {
    return this.bootstrap.split(',');
  }

  /** `kill 2`, `start 2`, `kill all`, `start all`: resolves once the helper has done it. */
  async command(line: string): Promise<void> {
    this.child.stdin!.write(`${line}\n`);
    const answer = await this.waitFor(new RegExp(`^(OK|ERROR) ${line}.*$`, 'm'), this.commandWithinMs);
    this.output = '';
    if (answer[1] !== 'OK') throw new Error(answer[0]);
  }

  /** Creates the topic catalog in `namespace` with the cluster's replication (3, min ISR 2). */
  async provisionCatalog(namespace: string): Promise<void> {
    const child = spawn(process.execPath, [path.join(TOOLS, 'provision-topics.mjs')], {
      env: { ...process.env, KAFKA_BROKERS: this.bootstrap, KAFKA_DEV_BROKER: 'false', KAFKA_NAMESPACE: namespace, KAFKA_REPLICATION_FACTOR: '3', KAFKA_MIN_INSYNC_REPLICAS: '2' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let log = '';
    child.stdout!.on('data', (c) => (log += c));
    child.stderr!.on('data', (c) => (log += c));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    if (code !== 0) throw new Error(`provision-topics failed (exit ${code}):\n${log}`);
  }

  /** Closing stdin stops every node (SIGTERM) and removes the cluster's data. */
  async close(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise((r) => this.child.once('exit', r));
    this.child.stdin!.end();
    await exited;
  }

  private async waitFor(pattern: RegExp, timeoutMs: number): Promise<RegExpExecArray> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const match = pattern.exec(this.output);
      if (match) return match;
      if (this.child.exitCode !== null) throw new Error(`the Kafka cluster helper exited (${this.child.exitCode}); Java 17+ and the Kafka runtime (.runtime/kafka) are needed`);
      if (Date.now() > deadline) throw new Error(`the Kafka cluster helper: no ${pattern} within ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}
