import { DataSource } from 'typeorm';
import type { DataSourceOptions as TypeOrmDataSourceOptions } from 'typeorm';
import { SafeTypeOrmLogger, type LogSink } from './safe-typeorm-logger';

export interface DataSourceOptions {
  url: string;
  /** The service's own schema; no service reads another's. */
  schema: string;
  entities?: TypeOrmDataSourceOptions['entities'];
  migrations?: TypeOrmDataSourceOptions['migrations'];
  poolSize?: number;
  applicationName?: string;
  /** Where failed queries are logged (without their parameters); Nest's logger by default. */
  logSink?: LogSink;
}

/**
 * One TypeORM DataSource per service schema. TypeORM keeps the migrations table in `schema`, but
 * unqualified SQL would go to `public`: the connection's search_path pins it to the schema.
 */
export function createDataSource(options: DataSourceOptions): DataSource {
  assertSchemaName(options.schema);
  return new DataSource({
    type: 'postgres',
    url: options.url,
    schema: options.schema,
    entities: options.entities ?? [],
    migrations: options.migrations ?? [],
    migrationsTableName: 'migrations',
    migrationsRun: false,
    synchronize: false,
    // Failed queries are logged without their parameters (SafeTypeOrmLogger): no secret or
    // personal data from a query's values reaches a log.
    logging: ['error', 'warn'],
    logger: new SafeTypeOrmLogger(options.logSink),
    extra: {
      max: options.poolSize ?? 10,
      options: `-c search_path=${options.schema}`,
      application_name: options.applicationName ?? options.schema,
    },
  });
}

export function assertSchemaName(schema: string): void {
  if (!/^[a-z][a-z0-9_]{0,62}$/.test(schema)) throw new Error(`Invalid schema name "${schema}"`);
}
