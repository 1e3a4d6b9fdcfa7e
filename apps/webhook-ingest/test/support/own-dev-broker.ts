import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';

const INFRA = path.resolve(__dirname, '../../../../tools/platform/infra.mjs');

/**
 * A Kafka dev broker of this test's own on a fixed port, in a helper Node process (Jest's CommonJS
 * runtime cannot import infra.mjs). Stopping it is a Kafka outage; starting it again on the same
 * port is Kafka coming back (with no data: the mock keeps none).
 */
export class OwnDevBroker {
  private child: ChildProcess | null = null;

  constructor(readonly port: number) {}

  get bootstrap(): string {
    return `127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const script = `const { startDevBroker } = await import(${JSON.stringify(INFRA)});
      const broker = await startDevBroker({ port: ${this.port} });
      process.stdout.write('READY ' + broker.bootstrap + '\\n');
      process.stdin.on('end', () => broker.stop().then(() => process.exit(0)));
      process.stdin.resume();`;
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.child = child;
    let stderr = '';
    child.stderr!.on('data', (c) => (stderr += c));
    await new Promise<void>((resolve, reject) => {
      let out = '';
      child.stdout!.on('data', (c) => {
        out += c;
        if (out.includes('READY ')) resolve();
      });
      child.once('exit', (code) => reject(new Error(`dev broker helper exited (${code}): ${stderr}`)));
    });
  }

  /** Stops the broker and waits until its process is gone. */
  async stop(): Promise<void> {
    const child = this.child;
    this.child = null;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.stdin!.end();
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  }
}

/** A port that is free now (the OS picks it), for a broker that must come back on the same one. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
