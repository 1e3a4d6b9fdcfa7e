import { DynamicModule, Module } from '@nestjs/common';
import { CreateMessagingTables1763900000000, DatabaseModule } from '@platform/database';
import { MessagingModule, PlatformModule, kafkaSettingsFromEnv } from '@platform/service';
import { CreateReceivedWebhooks1763900000100 } from './migrations/1763900000100-create-received-webhooks';
import { ReceiveWebhookHandler } from './webhooks/receive-webhook.handler';
import { WebhooksController } from './webhooks/webhooks.controller';
import type { WebhookIngestConfig } from './webhook-ingest.config';

export const SCHEMA = 'webhook_ingest';

@Module({})
export class AppModule {
  static register(config: WebhookIngestConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot({ service: 'webhook-ingest', logLevel: config.LOG_LEVEL }),
        DatabaseModule.forRoot({
          url: config.DATABASE_URL,
          schema: SCHEMA,
          migrations: [CreateMessagingTables1763900000000, CreateReceivedWebhooks1763900000100],
        }),
        MessagingModule.forRoot({ kafka: kafkaSettingsFromEnv(config, 'webhook-ingest'), databaseUrl: config.DATABASE_URL, schema: SCHEMA }),
      ],
      controllers: [WebhooksController],
      providers: [ReceiveWebhookHandler],
    };
  }
}
