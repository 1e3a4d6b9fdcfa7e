import { DynamicModule, Module } from '@nestjs/common';
import { AddIntentSubject1764700000000, CreateMessagingTables1763900000000, DatabaseModule } from '@platform/database';
import { MessagingModule, PlatformModule, kafkaSettingsFromEnv } from '@platform/service';
import { GetBalancesHandler } from './balances/get-balances.handler';
import { OnboardingCommandsController } from './commands/onboarding-commands.controller';
import { AddKycFilesHandler } from './kyc/add-kyc-files.handler';
import { SubmitVerificationHandler } from './kyc/submit-verification.handler';
import { CreateUsers1763900000200 } from './migrations/1763900000200-create-users';
import { ONBOARDING_CONFIG, type OnboardingConfig } from './onboarding.config';
import { P100_CLIENT_CONFIG, p100Providers } from './p100/p100.providers';
import { CreateUserHandler } from './users/create-user.handler';
import { CreateUserResolver } from './users/create-user.resolver';
import { IntentReconciliationService } from './users/intent-reconciliation.service';
import { UserCreation } from './users/user-creation';
import { GetUserHandler } from './users/get-user.handler';
import { UserEntity } from './users/user.entity';
import { UsersRepository } from './users/users.repository';
import { KycFileStatusWebhookHandler } from './webhooks/kyc-file-status.webhook-handler';
import { UserStatusWebhookHandler } from './webhooks/user-status.webhook-handler';
import { UserWebhooksConsumer } from './webhooks/user-webhooks.consumer';

export const SCHEMA = 'onboarding';

@Module({})
export class AppModule {
  static register(config: OnboardingConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot({ service: 'onboarding-kyc', logLevel: config.LOG_LEVEL }),
        DatabaseModule.forRoot({
          url: config.DATABASE_URL,
          schema: SCHEMA,
          entities: [UserEntity],
          migrations: [CreateMessagingTables1763900000000, AddIntentSubject1764700000000, CreateUsers1763900000200],
        }),
        MessagingModule.forRoot({ kafka: kafkaSettingsFromEnv(config, 'onboarding-kyc'), databaseUrl: config.DATABASE_URL, schema: SCHEMA }),
      ],
      controllers: [OnboardingCommandsController, UserWebhooksConsumer],
      providers: [
        { provide: P100_CLIENT_CONFIG, useValue: config.p100 },
        { provide: ONBOARDING_CONFIG, useValue: config },
        ...p100Providers,
        UsersRepository,
        UserCreation,
        CreateUserHandler,
        CreateUserResolver,
        IntentReconciliationService,
        AddKycFilesHandler,
        SubmitVerificationHandler,
        GetUserHandler,
        GetBalancesHandler,
        UserStatusWebhookHandler,
        KycFileStatusWebhookHandler,
      ],
    };
  }
}
