import { DynamicModule, Module } from '@nestjs/common';
import { DatabaseModule } from '@platform/database';
import { PlatformModule } from '@platform/service';
import { AccessControl } from './access/access-control';
import { CardsSecureLane } from './cards/cards-secure-lane';
import { GATEWAY_CONFIG, type GatewayConfig } from './gateway.config';
import { IdempotencyService } from './idempotency/idempotency.service';
import { GatewayCommandBus } from './messaging/command-bus.provider';
import { CreateIdempotencyKeys1763900000300 } from './migrations/1763900000300-create-idempotency-keys';
import { OperationInvoker } from './operations/operation-invoker';

export const SCHEMA = 'gateway';

/** The gateway has no controllers: its routes and gRPC methods come from the operation table (main.ts). */
@Module({})
export class AppModule {
  static register(config: GatewayConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot({ service: 'gateway', logLevel: config.LOG_LEVEL }),
        DatabaseModule.forRoot({ url: config.DATABASE_URL, schema: SCHEMA, migrations: [CreateIdempotencyKeys1763900000300] }),
      ],
      providers: [{ provide: GATEWAY_CONFIG, useValue: config }, AccessControl, IdempotencyService, GatewayCommandBus, CardsSecureLane, OperationInvoker],
    };
  }
}
