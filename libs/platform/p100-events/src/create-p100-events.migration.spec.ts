import type { DataSource } from 'typeorm';
import { createDataSource, runMigrations } from '@platform/database';
import { testEnv, uniqueName } from '@platform/testing';
import { createP100EventsMigration } from './create-p100-events.migration';

describe('createP100EventsMigration', () => {
  it('names the class and the migration CreateP100Events<timestamp>, as TypeORM recorded them before', () => {
    const Migration = createP100EventsMigration(1763900000400);
    expect(Migration.name).toBe('CreateP100Events1763900000400');
    expect(new Migration().name).toBe('CreateP100Events1763900000400');
    expect(new (createP100EventsMigration(1763900000300))().name).toBe('CreateP100Events1763900000300');
  });

  it('refuses a timestamp TypeORM could not read back from the name', () => {
    expect(() => createP100EventsMigration(17639000003)).toThrow(/13 digits/);
    expect(() => createP100EventsMigration(1763900000300.5)).toThrow(/13 digits/);
  });

  describe('on real Postgres', () => {
    let dataSource: DataSource;
    let schema: string;
    const Migration = createP100EventsMigration(1763900000300);

    beforeAll(async () => {
      schema = uniqueName('t_p100_migration').toLowerCase();
      dataSource = createDataSource({ url: testEnv().databaseUrl, schema, migrations: [Migration], poolSize: 2 });
      await dataSource.initialize();
    });
    afterAll(async () => {
      await dataSource.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await dataSource.destroy();
    });

    const columns = async (): Promise<string[]> =>
      (
        await dataSource.query(
          `SELECT column_name FROM information_schema.columns WHERE table_schema = $1 AND table_name = 'p100_events' ORDER BY ordinal_position`,
          [schema],
        )
      ).map((row: { column_name: string }) => row.column_name);

    it('creates p100_events once, under its name, and drops it on revert', async () => {
      expect(await runMigrations(dataSource, schema)).toEqual(['CreateP100Events1763900000300']);
      expect(await runMigrations(dataSource, schema)).toEqual([]);
      expect(await columns()).toEqual(['event_id', 'event_type', 'topic', 'message_key', 'payload', 'occurred_at', 'received_at']);

      await dataSource.undoLastMigration();
      expect(await columns()).toEqual([]);
    });
  });
});
