import { ConfigurableModuleBuilder, Global, Inject, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { DataSourceOptions as TypeOrmDataSourceOptions } from 'typeorm';
import { createDataSource } from './data-source.factory';
import { runMigrations } from './migrate';

export interface DatabaseModuleOptions {
  url: string;
  schema: string;
  entities?: TypeOrmDataSourceOptions['entities'];
  migrations?: TypeOrmDataSourceOptions['migrations'];
  poolSize?: number;
  /** Run pending migrations at start-up (under the advisory lock). Default true. */
  migrate?: boolean;
}

export const { ConfigurableModuleClass, MODULE_OPTIONS_TOKEN: DATABASE_OPTIONS } =
  new ConfigurableModuleBuilder<DatabaseModuleOptions>().setClassMethodName('forRoot').build();

/** Provides the service's DataSource (initialised, migrated) to the whole app. */
@Global()
@Module({
  providers: [
    {
      provide: DataSource,
      inject: [DATABASE_OPTIONS],
      useFactory: async (options: DatabaseModuleOptions) => {
        const dataSource = createDataSource({ ...options, applicationName: options.schema });
        await dataSource.initialize();
        if (options.migrate !== false) {
          const logger = new Logger('Migrations');
          await runMigrations(dataSource, options.schema, (msg) => logger.log(msg));
        }
        return dataSource;
      },
    },
  ],
  exports: [DataSource],
})
export class DatabaseModule extends ConfigurableModuleClass implements OnApplicationShutdown {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {
    super();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}
