import type { INestApplication } from '@nestjs/common';
import { Client } from 'pg';
import { testEnv, uniqueName } from '@platform/testing';
import { startWebhookIngest } from '../../src/main';
import { loadWebhookIngestConfig } from '../../src/webhook-ingest.config';

export const TOKEN = 'test-webhook-token-current-0001';
export const PREVIOUS_TOKEN = 'test-webhook-token-previous-001';
export const ADMIN_TOKEN = 'test-admin-token-000000000001';
/** Test-only key that seals one-time codes (32 bytes, base64). */
export const CODE_KEYS = `test:${Buffer.alloc(32, 7).toString('base64')}`;

/** Environment of a webhook-ingest under test: its own schema, known tokens, quiet logs. */
export function ingestEnv(schema: string, overrides: Record<string, string> = {}): Record<string, string> {
  const env = testEnv();
  return {
    DATABASE_URL: env.databaseUrl,
    KAFKA_BROKERS: env.kafkaBrokers.join(','),
    KAFKA_DEV_BROKER: String(env.devBroker),
    LOG_LEVEL: 'error',
    PORT: '0',
    P100_WEBHOOK_TOKEN: TOKEN,
    P100_CODE_KEYS: CODE_KEYS,
    P100_WEBHOOK_TOKEN_PREVIOUS: PREVIOUS_TOKEN,
    WEBHOOK_ADMIN_TOKEN: ADMIN_TOKEN,
    WEBHOOK_BODY_LIMIT_BYTES: String(16 * 1024),
    WEBHOOK_INGEST_DB_SCHEMA: schema,
    ...overrides,
  };
}

export const uniqueSchema = () => uniqueName('t_wh').toLowerCase();

export interface IngestApp {
  app: INestApplication;
  url: string;
  schema: string;
  close(): Promise<void>;
}

/** The real service in-process (same bootstrap as production) on a free port. */
export async function startIngestApp(schema = uniqueSchema(), overrides: Record<string, string> = {}): Promise<IngestApp> {
  const app = await startWebhookIngest(loadWebhookIngestConfig(ingestEnv(schema, overrides)));
  const address = app.getHttpServer().address() as { port: number };
  return { app, url: `http://127.0.0.1:${address.port}`, schema, close: () => app.close() };
}

/** POSTs a webhook the way P100 does (plain token in Authorization). */
export function deliver(url: string, path: string, body: string | object, token: string | null = TOKEN, init: RequestInit = {}): Promise<Response> {
  return fetch(`${url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token === null ? {} : { authorization: token }) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
    ...init,
  });
}

/** Runs SQL in the service's schema from the outside, as an observer. */
export async function inSchema<T>(schema: string, fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: testEnv().databaseUrl, options: `-c search_path=${schema}` });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export const count = (schema: string, sql: string, params: unknown[] = []) =>
  inSchema(schema, async (c) => Number((await c.query(sql, params)).rows[0].count));

export async function dropSchema(schema: string): Promise<void> {
  const client = new Client({ connectionString: testEnv().databaseUrl });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}

export async function waitUntil(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
