import { Module, type Type } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { DatabaseModule } from '@platform/database';
import { PlatformModule } from '@platform/service';
import { AdminModule } from './admin/admin.module';
import { BalancesModule } from './balances/balances.module';
import type { SandboxConfig } from './config/sandbox-config';
import { SandboxConfigModule } from './config/sandbox-config.module';
import { PostgresReadiness } from './database/postgres-readiness';
import { SANDBOX_MIGRATIONS } from './database/sandbox-migrations';
import { DueWorkNotifications } from './shared/due-work-notifications';
import { SepaModule } from './sepa/sepa.module';
import { CryptoModule } from './crypto/crypto.module';
import { OrdersModule } from './orders/orders.module';
import { PaymentLinksModule } from './payment-links/payment-links.module';
import { CardsModule } from './cards/cards.module';
import { FaultsModule } from './faults/faults.module';
import { RequestLogModule } from './request-log/request-log.module';
import { KycModule } from './kyc/kyc.module';
import { LedgerModule } from './ledger/ledger.module';
import { ExchangeModule } from './exchange/exchange.module';
import { HistoryModule } from './history/history.module';
import { PartnerModule } from './partner/partner.module';
import { RatesModule } from './rates/rates.module';
import { TransfersModule } from './transfers/transfers.module';
import { WalletsModule } from './wallets/wallets.module';
import { UsersModule } from './users/users.module';
import { WebhooksModule } from './webhooks/webhooks.module';

export const SERVICE_NAME = 'p100-sandbox';

/**
 * The sandbox's root module for one configuration. Built per configuration (rather than read
 * from process.env inside) so tests can boot several sandboxes, with different settings, in
 * one process.
 */
export function createAppModule(config: SandboxConfig): Type<unknown> {
  @Module({
    imports: [
      PlatformModule.forRoot({ service: SERVICE_NAME, logLevel: config.logLevel }),
      SandboxConfigModule.forRoot(config),
      DatabaseModule.forRoot({ url: config.databaseUrl, schema: config.schema, migrations: SANDBOX_MIGRATIONS }),
      WebhooksModule,
      LedgerModule,
      RatesModule,
      ExchangeModule,
      TransfersModule,
      HistoryModule,
      PartnerModule,
      WalletsModule,
      UsersModule,
      KycModule,
      BalancesModule,
      AdminModule,
      RequestLogModule,
      FaultsModule,
      CardsModule,
      SepaModule,
      CryptoModule,
      OrdersModule,
      PaymentLinksModule,
      DiscoveryModule,
    ],
    providers: [PostgresReadiness, DueWorkNotifications],
  })
  class AppModule {}
  return AppModule;
}
