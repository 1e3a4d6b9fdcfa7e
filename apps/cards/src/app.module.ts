import { DynamicModule, Module } from '@nestjs/common';
import { AddIntentSubject1764700000000, CreateMessagingTables1763900000000, DatabaseModule } from '@platform/database';
import { P100EventsModule } from '@platform/p100-events';
import { MessagingModule, PlatformModule, kafkaSettingsFromEnv } from '@platform/service';
import { redactCardSecrets } from './card-secrets.redactor';
import type { CardsConfig } from './cards.config';
import { CARDS_WEBHOOK_FAMILIES, SCHEMA, SERVICE_NAME } from './cards.topics';
import { CardsCommandsController } from './commands/cards-commands.controller';
import { CreateP100Events1763900000400 } from './migrations/1763900000400-create-p100-events';

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
          migrations: [CreateMessagingTables1763900000000, AddIntentSubject1764700000000, CreateP100Events1763900000400],
        }),
        MessagingModule.forRoot({ kafka: kafkaSettingsFromEnv(config, SERVICE_NAME), databaseUrl: config.DATABASE_URL, schema: SCHEMA }),
        // 3DS and activation codes must reach only the card holder: redacted before storage, and
        // the operator listing carries no payloads at all.
        P100EventsModule.forRoot({ families: CARDS_WEBHOOK_FAMILIES, includePayloads: false, redact: redactCardSecrets }),
      ],
      controllers: [CardsCommandsController],
    };
  }
}
