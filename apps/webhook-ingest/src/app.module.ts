import { DynamicModule, Module } from '@nestjs/common';
import { AddIntentSubject1764700000000, CreateMessagingTables1763900000000, DatabaseModule } from '@platform/database';
import { MessagingModule, PlatformModule, kafkaSettingsFromEnv } from '@platform/service';
import { AdminAuthGuard } from './admin/admin-auth.guard';
import { ReceivedWebhooksQueries } from './admin/received-webhooks.queries';
import { ReplayWebhooksHandler } from './admin/replay-webhooks.handler';
import { WebhookAdminController } from './admin/webhook-admin.controller';
import { PublicationMetrics } from './metrics/publication-metrics';
import { CreateReceivedWebhooks1763900000100 } from './migrations/1763900000100-create-received-webhooks';
import { RekeyDedupeV21764600000000 } from './migrations/1764600000000-rekey-dedupe-v2';
import { ReceivedWebhooksRetention } from './retention/received-webhooks-retention';
import { ReceiveWebhookHandler } from './webhooks/receive-webhook.handler';
import { WEBHOOK_INGEST_CONFIG, type WebhookIngestConfig } from './webhook-ingest.config';

@Module({})
export class AppModule {
  static register(config: WebhookIngestConfig): DynamicModule {
    const schema = config.WEBHOOK_INGEST_DB_SCHEMA;
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot({ service: 'webhook-ingest', logLevel: config.LOG_LEVEL }),
        DatabaseModule.forRoot({
          url: config.DATABASE_URL,
          schema,
          migrations: [CreateMessagingTables1763900000000, AddIntentSubject1764700000000, CreateReceivedWebhooks1763900000100, RekeyDedupeV21764600000000],
        }),
        MessagingModule.forRoot({ kafka: kafkaSettingsFromEnv(config, 'webhook-ingest'), databaseUrl: config.DATABASE_URL, schema }),
      ],
      // The webhook routes are registered on Fastify directly (webhooks/webhook.routes.ts, from main.ts);
      // Fastify's router prefers the operator API's static /admin routes to their catch-all.
      controllers: [WebhookAdminController],
      providers: [
        { provide: WEBHOOK_INGEST_CONFIG, useValue: config },
        ReceiveWebhookHandler,
        AdminAuthGuard,
        ReceivedWebhooksQueries,
        ReplayWebhooksHandler,
        ReceivedWebhooksRetention,
        PublicationMetrics,
      ],
    };
  }
}
