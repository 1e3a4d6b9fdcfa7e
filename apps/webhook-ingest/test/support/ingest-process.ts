import { ingestEnv } from './ingest-app';
import { freePort } from '@platform/testing';

// The platform's process runner (plain CommonJS, shared with `npm start` and the e2e tests).
const services = require('../../../../tools/platform/services.cjs');

interface RunningService {
  url: string;
  waitHealthy(timeoutMs: number): Promise<void>;
  kill(signal: NodeJS.Signals): Promise<unknown>;
}

/** Compiles the monorepo to dist/ the way `npm run build` does. */
export function buildDist(): void {
  services.build(() => {});
}

/** The built service as its own process (as `npm start` runs it), so it can be SIGKILLed. */
export class IngestProcess {
  private running: RunningService | null = null;
  private output = '';
  url = '';

  constructor(private readonly schema: string) {}

  async start(): Promise<void> {
    const port = await freePort();
    const env = { ...process.env, ...ingestEnv(this.schema, { PORT: String(port), LOG_LEVEL: 'warn' }) };
    const keep = (_name: string, chunk: Buffer) => (this.output = (this.output + chunk.toString()).slice(-4000));
    const running: RunningService = services.spawnService('webhook-ingest', env, port, keep);
    this.running = running;
    this.url = running.url;
    try {
      await running.waitHealthy(30_000);
    } catch (error) {
      throw new Error(`${(error as Error).message}\n${this.output}`);
    }
  }

  async kill(signal: NodeJS.Signals): Promise<void> {
    const running = this.running;
    this.running = null;
    await running?.kill(signal);
  }
}
