import { KafkaTestConsumer } from '@platform/testing';

// The platform's process runner is plain CommonJS so that `npm start` and these tests share it.
const services = require('../../../tools/platform/services.cjs');

/** E2E_BASE_PORT moves the platform under test, so two runs can share a machine. */
export const BASE_PORT = Number(process.env.E2E_BASE_PORT || 4300);
/** Sandbox delays × 0.2: KYC decision in 200 ms, webhook retries after 1.6/3.2/6.4/12.8 s. */
export const TIME_SCALE = 0.2;
export const GATEWAY = `http://127.0.0.1:${BASE_PORT}`;
export const WEBHOOK_INGEST = `http://127.0.0.1:${BASE_PORT + 4}`;
export const API_KEY: string = services.DEV_SECRETS.gatewayApiKey;
/** The dev client that may only read users (users:read). */
export const READ_ONLY_KEY: string = services.DEV_SECRETS.gatewayReadOnlyKey;
export const WEBHOOK_TOKEN: string = services.DEV_SECRETS.webhookToken;
/** Every secret `npm start` and the e2e run use: none may appear in a log or (but hashed) a table. */
export const DEV_SECRETS: Record<string, string> = services.DEV_SECRETS;

export interface Platform {
  running: Record<string, { url: string; grpcAddress?: string; stop(): Promise<unknown>; waitHealthy(ms: number): Promise<void> }>;
  restart(name: string): Promise<void>;
  stop(): Promise<void>;
}

/** Everything every service printed during this run: the log-scan test reads it. */
const captured: string[] = [];
export const capturedLogs = (): string => captured.join('');
const logSink = (name: string, chunk: Buffer | string) => {
  captured.push(String(chunk));
  if (process.env.E2E_SERVICE_LOGS === '1') process.stdout.write(`${name.padEnd(15)}| ${chunk}`);
};

export interface PlatformOptions {
  /** Another base port, for a spec whose platform runs with other settings (its own ports). */
  basePort?: number;
  /** Environment overrides for every service (e.g. short timeouts). */
  env?: Record<string, string>;
}

/** Builds and starts the sandbox and the five services as real processes, as `npm start` does. */
export async function startPlatform(overrides: PlatformOptions = {}): Promise<Platform> {
  const only = process.env.E2E_ONLY?.split(',');
  return services.startTestPlatform({ basePort: overrides.basePort ?? BASE_PORT, timeScale: TIME_SCALE, logLevel: 'warn', logSink, only, env: overrides.env });
}

export async function api(method: string, path: string, init: { body?: unknown; headers?: Record<string, string>; form?: FormData; base?: string } = {}) {
  const headers: Record<string, string> = { 'x-api-key': API_KEY, ...init.headers };
  let body: BodyInit | undefined;
  if (init.form) body = init.form;
  else if (init.body !== undefined) {
    headers['content-type'] ??= 'application/json';
    body = typeof init.body === 'string' ? init.body : JSON.stringify(init.body);
  }
  const res = await fetch(`${init.base ?? GATEWAY}${path}`, { method, headers, body });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined, headers: res.headers };
}

export async function eventually<T>(probe: () => Promise<T>, accept: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T = await probe();
  while (!accept(last)) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms; last value: ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 200));
    last = await probe();
  }
  return last;
}

// One user fixture and PNG for every test tree (@platform/testing); the e2e specs import them from here.
export { newUserBody as newUser, pngFile } from '@platform/testing';

/** A REST body as proto3 carries it: null fields are absent. */
export function withoutNulls<T extends Record<string, unknown>>(view: T): Record<string, unknown> {
  return Object.fromEntries(Object.entries(view).filter(([, v]) => v !== null && v !== undefined));
}

export { KafkaTestConsumer };
