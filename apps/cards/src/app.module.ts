import { DynamicModule, Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AddIntentSubject1764700000000, CreateMessagingTables1763900000000, DatabaseModule, IntentLog } from '@platform/database';
import { P100Client } from '@platform/p100-client';
import { createP100WebhooksConsumer, P100_EVENT_EFFECT, P100EventsModule } from '@platform/p100-events';
import { MessagingModule, PlatformModule, kafkaSettingsFromEnv } from '@platform/service';
import { redactCardSecrets } from './card-secrets.redactor';
import { CARDS_CONFIG, type CardsConfig } from './cards.config';
import { CARDS_WEBHOOK_FAMILIES, SCHEMA, SERVICE_NAME } from './cards.topics';
import { CardEntity } from './cards/card.entity';
import { CardLifecycle } from './cards/card-lifecycle';
import { CardRevealAudit } from './cards/card-reveal.audit';
import { CardStatusSync } from './cards/card-status-sync';
import { CardsRepository } from './cards/cards.repository';
import { BlockCardHandler, DeleteCardHandler, UnblockCardHandler } from './cards/change-card-status.handler';
import { CreateCardHandler } from './cards/create-card.handler';
import { CreateCardResolver } from './cards/create-card.resolver';
import { GetCardHandler } from './cards/get-card.handler';
import { GetLimitsHandler } from './cards/get-limits.handler';
import { IntentReconciliationService } from './cards/intent-reconciliation.service';
import { ListCardsHandler } from './cards/list-cards.handler';
import { P100CardCall } from './cards/p100-card-call';
import { RevealCardHandler } from './cards/reveal-card.handler';
import { UpdateLimitsHandler } from './cards/update-limits.handler';
import { UpdatePinHandler } from './cards/update-pin.handler';
import { CardsCommandTable } from './commands/cards-command-table';
import { CardsCommandsController } from './commands/cards-commands.controller';
import { CreateP100Events1763900000400 } from './migrations/1763900000400-create-p100-events';
import { CreateCards1764900000100 } from './migrations/1764900000100-create-cards';
import { SecureCodeRelay } from './secure-codes/secure-code.relay';
import { SecureLaneRoute } from './secure-lane/secure-lane.route';
import { CardTransactionRecorder } from './transactions/card-transaction.recorder';
import { CardsWebhookEffect } from './webhooks/cards-webhook.effect';

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
          entities: [CardEntity],
          migrations: [CreateMessagingTables1763900000000, AddIntentSubject1764700000000, CreateP100Events1763900000400, CreateCards1764900000100],
        }),
        MessagingModule.forRoot({ kafka: kafkaSettingsFromEnv(config, SERVICE_NAME), databaseUrl: config.DATABASE_URL, schema: SCHEMA }),
        // 3DS and activation codes must reach only the card holder: redacted before storage, and
        // the operator listing carries no payloads at all. The consumer is declared here, so that
        // it runs CardsWebhookEffect in the inbox transaction.
        P100EventsModule.forRoot({ families: CARDS_WEBHOOK_FAMILIES, consumerInHost: true, includePayloads: false, redact: redactCardSecrets }),
      ],
      controllers: [CardsCommandsController, createP100WebhooksConsumer(CARDS_WEBHOOK_FAMILIES)],
      providers: [
        { provide: CARDS_CONFIG, useValue: config },
        { provide: P100Client, useFactory: () => new P100Client(config.p100) },
        { provide: IntentLog, inject: [DataSource], useFactory: (dataSource: DataSource) => new IntentLog(dataSource) },
        { provide: P100_EVENT_EFFECT, useExisting: CardsWebhookEffect },
        CardsRepository,
        CardLifecycle,
        CardStatusSync,
        P100CardCall,
        CardRevealAudit,
        CreateCardHandler,
        CreateCardResolver,
        IntentReconciliationService,
        ListCardsHandler,
        GetCardHandler,
        RevealCardHandler,
        UpdatePinHandler,
        BlockCardHandler,
        UnblockCardHandler,
        DeleteCardHandler,
        GetLimitsHandler,
        UpdateLimitsHandler,
        CardsCommandTable,
        SecureLaneRoute,
        CardTransactionRecorder,
        SecureCodeRelay,
        CardsWebhookEffect,
      ],
    };
  }
}
