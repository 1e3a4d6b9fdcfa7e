import { DynamicModule, Module } from '@nestjs/common';
import { AddIntentSubject1764700000000, CreateMessagingTables1763900000000, DatabaseModule } from '@platform/database';
import { P100EventsModule } from '@platform/p100-events';
import { MessagingModule, PlatformModule, kafkaSettingsFromEnv } from '@platform/service';
import { PaymentsCommandsController } from './commands/payments-commands.controller';
import { CreateP100Events1763900000300 } from './migrations/1763900000300-create-p100-events';
import type { PaymentsConfig } from './payments.config';
import { PAYMENTS_WEBHOOK_FAMILIES, SCHEMA, SERVICE_NAME } from './payments.topics';

@Module({})
export class AppModule {
  static forRoot(config: PaymentsConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot({ service: SERVICE_NAME, logLevel: config.LOG_LEVEL }),
        DatabaseModule.forRoot({
          url: config.DATABASE_URL,
          schema: SCHEMA,
          migrations: [CreateMessagingTables1763900000000, AddIntentSubject1764700000000, CreateP100Events1763900000300],
        }),
        MessagingModule.forRoot({ kafka: kafkaSettingsFromEnv(config, SERVICE_NAME), databaseUrl: config.DATABASE_URL, schema: SCHEMA }),
        // Exchange, SEPA, crypto, transfer and order payloads carry no credentials (P100's
        // Authorization token stays in webhook-ingest), so operators may see them as received.
        P100EventsModule.forRoot({ families: PAYMENTS_WEBHOOK_FAMILIES, includePayloads: true }),
      ],
      controllers: [PaymentsCommandsController],
    };
  }
}
