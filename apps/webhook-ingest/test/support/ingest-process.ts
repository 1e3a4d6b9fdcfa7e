import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { ingestEnv } from './ingest-app';
import { freePort } from './own-dev-broker';

const ROOT = path.resolve(__dirname, '../../../..');

/** Compiles the monorepo to dist/ the way `npm run build` does. */
export function buildDist(): void {
  const result = spawnSync(process.execPath, [path.join(ROOT, 'tools/build/build.mjs')], { cwd: ROOT, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`build failed:\n${result.stdout}\n${result.stderr}`);
}

/** The built service as its own process (as tools/platform/services.cjs runs it), so it can be SIGKILLed. */
export class IngestProcess {
  private child: ChildProcess | null = null;
  private output = '';
  url = '';

  constructor(private readonly schema: string) {}

  async start(): Promise<void> {
    const port = await freePort();
    this.url = `http://127.0.0.1:${port}`;
    const child = spawn(process.execPath, [path.join(ROOT, 'dist/apps/webhook-ingest/src/main.js')], {
      cwd: ROOT,
      env: { ...process.env, ...ingestEnv(this.schema, { PORT: String(port), LOG_LEVEL: 'warn' }) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    const keep = (c: Buffer) => (this.output = (this.output + c.toString()).slice(-4000));
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
    const deadline = Date.now() + 30_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`webhook-ingest exited (${child.exitCode}):\n${this.output}`);
      const healthy = await fetch(`${this.url}/health`).then((r) => r.ok, () => false);
      if (healthy) return;
      if (Date.now() > deadline) throw new Error(`webhook-ingest not healthy:\n${this.output}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  async kill(signal: NodeJS.Signals): Promise<void> {
    const child = this.child;
    this.child = null;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill(signal);
    await exited;
  }
}
