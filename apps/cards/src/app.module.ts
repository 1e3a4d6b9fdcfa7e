import { DynamicModule, Module } from '@nestjs/common';
import { CreateMessagingTables1763900000000, DatabaseModule } from '@platform/database';
import { MessagingModule, PlatformModule, kafkaSettingsFromEnv } from '@platform/service';
import type { CardsConfig } from './cards.config';
import { SCHEMA, SERVICE_NAME } from './cards.topics';
import { CommandsModule } from './commands/commands.module';
import { CreateP100Events1763900000400 } from './migrations/1763900000400-create-p100-events';
import { P100EventsModule } from './p100-events/p100-events.module';

@Module({})
export class AppModule {
  static forRoot(config: CardsConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot({ service: SERVICE_NAME, logLevel: config.LOG_LEVEL }),
        DatabaseModule.forRoot({
          url: config.DATABASE_URL,
          schema: SCHEMA,
          migrations: [CreateMessagingTables1763900000000, CreateP100Events1763900000400],
        }),
        MessagingModule.forRoot({ kafka: kafkaSettingsFromEnv(config, SERVICE_NAME), databaseUrl: config.DATABASE_URL, schema: SCHEMA }),
        P100EventsModule,
        CommandsModule,
      ],
    };
  }
}
