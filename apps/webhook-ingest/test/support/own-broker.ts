import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const INFRA = path.resolve(__dirname, '../../../../tools/platform/infra.mjs');

/**
 * A Kafka broker of this test's own (infra.mjs startOwnBroker: real Apache Kafka where Java and
 * Maven are, else the dev broker), in a helper Node process because Jest's CommonJS runtime cannot
 * import infra.mjs. stop() is a Kafka outage; start() is Kafka coming back on the same address
 * (real Kafka with its data, the dev broker without). The helper takes `stop`/`start` lines on
 * stdin and answers `STOPPED`/`STARTED`; closing stdin ends it and its broker.
 */
export class OwnBroker {
  private child: ChildProcess | null = null;
  private output = '';
  bootstrap = '';
  kind: 'real' | 'dev' = 'dev';

  constructor(private readonly port: number) {}

  async launch(): Promise<void> {
    const script = `const { startOwnBroker } = await import(${JSON.stringify(INFRA)});
      const broker = await startOwnBroker({ port: ${this.port} });
      process.stdout.write('READY ' + broker.kind + ' ' + broker.bootstrap + '\\n');
      let queue = Promise.resolve();
      process.stdin.setEncoding('utf8');
      process.stdin.on('data', (chunk) => {
        for (const line of chunk.split('\\n').filter(Boolean)) {
          queue = queue.then(async () => {
            if (line === 'stop') { await broker.stop(); process.stdout.write('STOPPED\\n'); }
            if (line === 'start') { await broker.start(); process.stdout.write('STARTED\\n'); }
          });
        }
      });
      process.stdin.on('end', () => queue.then(() => broker.close()).then(() => process.exit(0)));`;
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['pipe', 'pipe', 'pipe'], env: process.env });
    this.child = child;
    let stderr = '';
    child.stderr!.on('data', (c) => (stderr += c));
    child.stdout!.on('data', (c) => (this.output += c));
    child.once('exit', (code) => {
      if (code !== 0) this.output += `EXITED ${code}: ${stderr}\n`;
    });
    const ready = await this.waitFor(/^READY (\w+) (\S+)$/m, 90_000);
    this.kind = ready[1] as 'real' | 'dev';
    this.bootstrap = ready[2]!;
  }

  async stop(): Promise<void> {
    this.output = '';
    this.child!.stdin!.write('stop\n');
    await this.waitFor(/^STOPPED$/m, 30_000);
  }

  async start(): Promise<void> {
    this.output = '';
    this.child!.stdin!.write('start\n');
    await this.waitFor(/^STARTED$/m, 60_000);
  }

  /** Ends the helper and its broker, and waits until the process is gone. */
  async close(): Promise<void> {
    const child = this.child;
    this.child = null;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.stdin!.end();
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    await exited;
    clearTimeout(timer);
  }

  private async waitFor(pattern: RegExp, timeoutMs: number): Promise<RegExpExecArray> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const match = pattern.exec(this.output);
      if (match) return match;
      const failed = /^EXITED .*/ms.exec(this.output);
      if (failed) throw new Error(`own broker helper ${failed[0]}`);
      if (Date.now() > deadline) throw new Error(`own broker helper: no ${pattern} within ${timeoutMs} ms; output: ${this.output}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}
