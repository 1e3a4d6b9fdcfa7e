import { randomBytes } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CARDS_SECURE_LANE_PATH, type CommandReply } from '@platform/contracts';
import { testEnv, uniqueName } from '@platform/testing';
import { loadCardsConfig } from '../cards.config';
import { startCards } from '../main';
import { FakeP100 } from './fake-p100';

/** The secrets of a test run: made up per process, never anyone's real keys. */
export const LANE_TOKEN = randomBytes(24).toString('base64url');
export const P100_CODE_KEYS = `ingest1:${randomBytes(32).toString('base64')}`;
export const CARDS_SECURE_CODE_KEYS = `product1:${randomBytes(32).toString('base64')}`;

/** Every variable the cards service reads, for a test against `p100BaseUrl`. */
export function cardsTestEnv(p100BaseUrl: string, overrides: Record<string, string> = {}): Record<string, string> {
  const env = testEnv();
  return {
    DATABASE_URL: env.databaseUrl,
    KAFKA_BROKERS: env.kafkaBrokers.join(','),
    KAFKA_DEV_BROKER: String(env.devBroker),
    PORT: '0',
    LOG_LEVEL: 'warn',
    P100_BASE_URL: p100BaseUrl,
    P100_API_KEY: 'test-api-key',
    CARDS_LANE_TOKEN: LANE_TOKEN,
    P100_CODE_KEYS,
    CARDS_SECURE_CODE_KEYS,
    // Tests run the reconciler themselves (reconcileOnce), when they want it.
    INTENT_RECONCILE_INTERVAL_MS: '3600000',
    ...overrides,
  };
}

export interface CardsTestApp {
  app: INestApplication;
  url: string;
  dataSource: DataSource;
  p100: FakeP100;
  /** POST to the secure lane with the right token and a caller, unless `headers` say otherwise. */
  lane(envelope: unknown, headers?: Record<string, string>): Promise<Response>;
  /** The lane's CommandReply for a command. */
  laneCommand<T = unknown>(type: string, payload: unknown, caller?: string): Promise<CommandReply<T>>;
  close(): Promise<void>;
}

export async function startCardsTestApp(overrides: Record<string, string> = {}): Promise<CardsTestApp> {
  const p100 = await FakeP100.start();
  const app = await startCards(loadCardsConfig(cardsTestEnv(p100.baseUrl, overrides)), { groupId: uniqueName('cards-test') });
  const url = await app.getUrl();
  const lane = (envelope: unknown, headers: Record<string, string> = {}) =>
    fetch(`${url}${CARDS_SECURE_LANE_PATH}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${LANE_TOKEN}`, 'x-caller': 'test-product', ...headers },
      body: typeof envelope === 'string' ? envelope : JSON.stringify(envelope),
    });
  return {
    app,
    url,
    dataSource: app.get(DataSource),
    p100,
    lane,
    laneCommand: async (type, payload, caller = 'test-product') => (await lane({ type, payload }, { 'x-caller': caller })).json(),
    close: async () => {
      // Stops the consumer, which leaves its group, before the database closes.
      await app.close();
      await p100.close();
    },
  };
}

/** Every text-like column of every table of the cards schema that contains `needle`, as `table.column`. */
export async function columnsContaining(dataSource: DataSource, needle: string): Promise<string[]> {
  const columns: Array<{ table_name: string; column_name: string }> = await dataSource.query(
    `SELECT c.table_name, c.column_name FROM information_schema.columns c
       JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
      WHERE c.table_schema = 'cards' AND c.data_type IN ('text', 'jsonb', 'json', 'character varying')`,
  );
  const hits: string[] = [];
  for (const { table_name: table, column_name: column } of columns) {
    const [row] = await dataSource.query(`SELECT count(*)::int AS n FROM cards."${table}" WHERE "${column}"::text LIKE $1`, [`%${needle}%`]);
    if (row.n > 0) hits.push(`${table}.${column}`);
  }
  return hits;
}

/** Retries an assertion until it passes or the time is up; the last failure is the one reported. */
export async function eventually(assertion: () => Promise<void>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await assertion();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
