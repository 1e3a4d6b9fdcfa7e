import type { DataSource } from 'typeorm';
import { assertSchemaName } from './data-source.factory';

/**
 * Creates the schema and runs pending migrations while holding a Postgres advisory lock, so two
 * replicas starting together never run the same migration twice. TypeORM neither creates the
 * schema nor locks by itself.
 */
export async function runMigrations(dataSource: DataSource, schema: string, log: (msg: string) => void = () => {}): Promise<string[]> {
  assertSchemaName(schema);
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock(hashtext($1))', [`migrations:${schema}`]);
    await runner.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    for (const m of applied) log(`[migrations] ${schema}: applied ${m.name}`);
    return applied.map((m) => m.name);
  } finally {
    await runner.query('SELECT pg_advisory_unlock(hashtext($1))', [`migrations:${schema}`]).catch(() => undefined);
    await runner.release();
  }
}
