import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/** Tests use DATABASE_URL when set, else the local trust-auth Postgres of these machines. */
export const TEST_DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/p100_platform_test';

/** A schema of its own per test file and run, so runs never see each other's rows. */
export function uniqueSchema(): string {
  return `p100_sandbox_test_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
}

/** Creates the test database on first use. */
export async function ensureDatabase(url = TEST_DATABASE_URL): Promise<void> {
  const client = new Client({ connectionString: url });
  try {
    await client.connect();
    await client.end();
    return;
  } catch (error) {
    await client.end().catch(() => undefined);
    if ((error as { code?: string }).code !== '3D000') throw error;
  }
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const adminClient = new Client({ connectionString: admin.toString() });
  await adminClient.connect();
  try {
    await adminClient.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  } catch (error) {
    if ((error as { code?: string }).code !== '42P04') throw error; // created concurrently
  } finally {
    await adminClient.end();
  }
}

/** Runs SQL against the sandbox's schema from the outside, as an observer. */
export async function withSchema<T>(schema: string, fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: TEST_DATABASE_URL, options: `-c search_path=${schema}` });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export async function dropSchema(schema: string): Promise<void> {
  const client = new Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}
