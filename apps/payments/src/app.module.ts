import { DynamicModule, Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AddIntentSubject1764700000000, CreateMessagingTables1763900000000, DatabaseModule, IntentLog } from '@platform/database';
import { P100Client } from '@platform/p100-client';
import { createP100WebhooksConsumer, P100_EVENT_EFFECT, P100EventsModule } from '@platform/p100-events';
import { MessagingModule, PlatformModule, kafkaSettingsFromEnv } from '@platform/service';
import { PaymentsCommandsController } from './commands/payments-commands.controller';
import { GetNetworkFeeHandler } from './crypto/get-network-fee.handler';
import { PartnerSubmitTravelRuleHandler, SubmitTravelRuleHandler } from './crypto/submit-travel-rule.handler';
import { PartnerWithdrawCryptoHandler, WithdrawCryptoHandler } from './crypto/withdraw-crypto.handler';
import { ExecuteExchangeHandler, PartnerExecuteExchangeHandler } from './exchange/execute-exchange.handler';
import { GetExchangeRatesHandler, PartnerGetExchangeRatesHandler } from './exchange/get-exchange-rates.handler';
import { LockExchangeRateHandler, PartnerLockExchangeRateHandler } from './exchange/lock-exchange-rate.handler';
import { RateLocksRepository } from './exchange/rate-locks.repository';
import { GetLedgerHandler } from './ledger/get-ledger.handler';
import { GetPartnerLedgerHandler } from './ledger/get-partner-ledger.handler';
import { ShadowLedger } from './ledger/shadow-ledger';
import { CreateP100Events1763900000300 } from './migrations/1763900000300-create-p100-events';
import { CreateMovements1764800000000 } from './migrations/1764800000000-create-movements';
import { AddOrdersAndPaymentLinks1764800000200 } from './migrations/1764800000200-add-orders-and-payment-links';
import { AllowPartnerExchangeLocks1764800000300 } from './migrations/1764800000300-allow-partner-exchange-locks';
import { CreateReconciliationDrifts1764800000100 } from './migrations/1764800000100-create-reconciliation-drifts';
import { GetMovementHandler } from './movements/get-movement.handler';
import { GetPartnerMovementHandler } from './movements/get-partner-movement.handler';
import { MovementExecutor } from './movements/movement-executor';
import { MovementSettlement } from './movements/movement-settlement';
import { MovementsRepository } from './movements/movements.repository';
import { CreateOrderHandler } from './orders/create-order.handler';
import { GenerateHostedCheckoutHandler, GeneratePaymentLinkHandler } from './orders/generate-payment-link.handlers';
import { GetOrderRatesHandler } from './orders/get-order-rates.handler';
import { LockOrderRateHandler } from './orders/lock-order-rate.handler';
import { PAYMENTS_CONFIG, type PaymentsConfig } from './payments.config';
import { PAYMENTS_WEBHOOK_FAMILIES, SCHEMA, SERVICE_NAME } from './payments.topics';
import { DriftsRepository } from './reconciliation/drifts.repository';
import { LedgerReconciliation } from './reconciliation/ledger-reconciliation';
import { MovementPoller } from './reconciliation/movement-poller';
import { CreatePartnerWalletHandler, GetPartnerBalancesHandler, GetPartnerTransactionHistoryHandler } from './partner/partner-account.handlers';
import { ListDriftsHandler, RunReconciliationHandler } from './reconciliation/reconciliation-commands.handlers';
import { P100DetailsReader } from './reconciliation/p100-details.reader';
import { GetSepaContactsHandler, GetSepaDepositInfoHandler, PartnerGetSepaContactsHandler, PartnerGetSepaDepositInfoHandler } from './sepa/sepa-deposit-info.handlers';
import { PartnerSendSepaTransferHandler, SendSepaTransferHandler } from './sepa/send-sepa-transfer.handler';
import { TransferFromPartnerHandler, TransferToPartnerHandler } from './transfers/internal-transfer.handlers';
import { PaymentsWebhookSettler } from './webhooks/payments-webhook.settler';

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
          migrations: [CreateMessagingTables1763900000000, AddIntentSubject1764700000000, CreateP100Events1763900000300, CreateMovements1764800000000, CreateReconciliationDrifts1764800000100, AddOrdersAndPaymentLinks1764800000200, AllowPartnerExchangeLocks1764800000300],
        }),
        MessagingModule.forRoot({ kafka: kafkaSettingsFromEnv(config, SERVICE_NAME), databaseUrl: config.DATABASE_URL, schema: SCHEMA }),
        // Exchange, SEPA, crypto, transfer and order payloads carry no credentials (P100's
        // Authorization token stays in webhook-ingest), so operators may see them as received.
        // The consumer is declared here, so that it runs the settler in the inbox transaction.
        P100EventsModule.forRoot({ families: PAYMENTS_WEBHOOK_FAMILIES, consumerInHost: true, includePayloads: true }),
      ],
      controllers: [PaymentsCommandsController, createP100WebhooksConsumer(PAYMENTS_WEBHOOK_FAMILIES)],
      providers: [
        { provide: PAYMENTS_CONFIG, useValue: config },
        { provide: P100Client, useFactory: () => new P100Client(config.p100) },
        { provide: IntentLog, inject: [DataSource], useFactory: (dataSource: DataSource) => new IntentLog(dataSource) },
        { provide: P100_EVENT_EFFECT, useExisting: PaymentsWebhookSettler },
        MovementsRepository,
        MovementSettlement,
        MovementExecutor,
        ShadowLedger,
        RateLocksRepository,
        PaymentsWebhookSettler,
        P100DetailsReader,
        MovementPoller,
        GetPartnerBalancesHandler,
        GetPartnerTransactionHistoryHandler,
        CreatePartnerWalletHandler,
        DriftsRepository,
        LedgerReconciliation,
        ListDriftsHandler,
        RunReconciliationHandler,
        GetExchangeRatesHandler,
        LockExchangeRateHandler,
        ExecuteExchangeHandler,
        TransferToPartnerHandler,
        TransferFromPartnerHandler,
        GetSepaDepositInfoHandler,
        GetSepaContactsHandler,
        SendSepaTransferHandler,
        GetNetworkFeeHandler,
        WithdrawCryptoHandler,
        SubmitTravelRuleHandler,
        PartnerGetExchangeRatesHandler,
        PartnerLockExchangeRateHandler,
        PartnerExecuteExchangeHandler,
        PartnerGetSepaDepositInfoHandler,
        PartnerGetSepaContactsHandler,
        PartnerSendSepaTransferHandler,
        PartnerWithdrawCryptoHandler,
        PartnerSubmitTravelRuleHandler,
        GetMovementHandler,
        GetLedgerHandler,
        GetOrderRatesHandler,
        LockOrderRateHandler,
        CreateOrderHandler,
        GeneratePaymentLinkHandler,
        GenerateHostedCheckoutHandler,
        GetPartnerMovementHandler,
        GetPartnerLedgerHandler,
      ],
    };
  }
}
