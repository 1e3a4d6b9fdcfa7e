import { DynamicModule, Module } from '@nestjs/common';
import { AddIntentSubject1764700000000, CreateMessagingTables1763900000000, DatabaseModule } from '@platform/database';
import { MessagingModule, PlatformModule, kafkaSettingsFromEnv } from '@platform/service';
import { GetBalancesHandler } from './balances/get-balances.handler';
import { OnboardingCommandsController } from './commands/onboarding-commands.controller';
import { AddKycFilesHandler } from './kyc/add-kyc-files.handler';
import { AddPoaFilesHandler } from './kyc/add-poa-files.handler';
import { GetKycStatusHandler } from './kyc/get-kyc-status.handler';
import { StartHostedKycHandler } from './kyc/start-hosted-kyc.handler';
import { StartHostedKycResolver } from './kyc/start-hosted-kyc.resolver';
import { SubmitVerificationHandler } from './kyc/submit-verification.handler';
import { CreateUsers1763900000200 } from './migrations/1763900000200-create-users';
import { AddUserLifecycle1764900000000 } from './migrations/1764900000000-add-user-lifecycle';
import { ONBOARDING_CONFIG, type OnboardingConfig } from './onboarding.config';
import { P100_CLIENT_CONFIG, p100Providers } from './p100/p100.providers';
import { CommandIntentKeys } from './users/command-intent-keys';
import { CreateLimitedUserHandler } from './users/create-limited-user.handler';
import { CreateUserHandler } from './users/create-user.handler';
import { CreateLimitedUserResolver, CreateUserResolver } from './users/create-user.resolver';
import { DeleteUserHandler } from './users/delete-user.handler';
import { GetUserHandler } from './users/get-user.handler';
import { IntentReconciliationService } from './users/intent-reconciliation.service';
import { SuspendUserHandler } from './users/suspend-user.handler';
import { UnsuspendUserHandler } from './users/unsuspend-user.handler';
import { UpdateUserHandler } from './users/update-user.handler';
import { UserCommandRunner } from './users/user-command.runner';
import { UserCreation } from './users/user-creation';
import { UserHistoryRepository } from './users/user-history.repository';
import { UserLifecycle } from './users/user-lifecycle';
import { UserEntity } from './users/user.entity';
import { UsersRepository } from './users/users.repository';
import { HighRiskKycWebhookHandler } from './webhooks/high-risk-kyc.webhook-handler';
import { KycFileStatusWebhookHandler } from './webhooks/kyc-file-status.webhook-handler';
import { KycVerificationStatusWebhookHandler } from './webhooks/kyc-verification-status.webhook-handler';
import { PoaVerificationStatusWebhookHandler } from './webhooks/poa-verification-status.webhook-handler';
import { UserStatusWebhookHandler } from './webhooks/user-status.webhook-handler';
import { UserWebhooksConsumer } from './webhooks/user-webhooks.consumer';

export const SCHEMA = 'onboarding';

/** Onboarding's migrations, in order (tests apply the same list to their own schema). */
export const ONBOARDING_MIGRATIONS = [CreateMessagingTables1763900000000, AddIntentSubject1764700000000, CreateUsers1763900000200, AddUserLifecycle1764900000000];

@Module({})
export class AppModule {
  static register(config: OnboardingConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot({ service: 'onboarding-kyc', logLevel: config.LOG_LEVEL }),
        DatabaseModule.forRoot({ url: config.DATABASE_URL, schema: SCHEMA, entities: [UserEntity], migrations: ONBOARDING_MIGRATIONS }),
        MessagingModule.forRoot({ kafka: kafkaSettingsFromEnv(config, 'onboarding-kyc'), databaseUrl: config.DATABASE_URL, schema: SCHEMA }),
      ],
      controllers: [OnboardingCommandsController, UserWebhooksConsumer],
      providers: [
        { provide: P100_CLIENT_CONFIG, useValue: config.p100 },
        { provide: ONBOARDING_CONFIG, useValue: config },
        ...p100Providers,
        // The user's state machine and the one path of its commands.
        UsersRepository,
        UserHistoryRepository,
        UserLifecycle,
        CommandIntentKeys,
        UserCommandRunner,
        UserCreation,
        // Commands.
        CreateUserHandler,
        CreateLimitedUserHandler,
        AddKycFilesHandler,
        StartHostedKycHandler,
        GetKycStatusHandler,
        AddPoaFilesHandler,
        SubmitVerificationHandler,
        GetUserHandler,
        GetBalancesHandler,
        UpdateUserHandler,
        SuspendUserHandler,
        UnsuspendUserHandler,
        DeleteUserHandler,
        // Lost answers.
        CreateUserResolver,
        CreateLimitedUserResolver,
        StartHostedKycResolver,
        IntentReconciliationService,
        // Webhooks.
        UserStatusWebhookHandler,
        KycFileStatusWebhookHandler,
        KycVerificationStatusWebhookHandler,
        PoaVerificationStatusWebhookHandler,
        HighRiskKycWebhookHandler,
      ],
    };
  }
}
