import type { DataSource } from 'typeorm';
import type { DataSourceOptions } from '../data-source.factory';
import { createDataSource } from '../data-source.factory';
import { runMigrations } from '../migrate';
import { testEnv, uniqueName } from '@platform/testing';

/** A fresh schema with the given migrations applied, for one test file; `drop()` removes it. */
export async function createTestSchema(
  prefix: string,
  migrations: NonNullable<DataSourceOptions['migrations']>,
  entities: NonNullable<DataSourceOptions['entities']> = [],
): Promise<{ dataSource: DataSource; schema: string; drop: () => Promise<void> }> {
  const schema = uniqueName(`t_${prefix}`).toLowerCase();
  const dataSource = createDataSource({ url: testEnv().databaseUrl, schema, migrations, entities, poolSize: 5 });
  await dataSource.initialize();
  await runMigrations(dataSource, schema);
  return {
    dataSource,
    schema,
    drop: async () => {
      await dataSource.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await dataSource.destroy();
    },
  };
}
