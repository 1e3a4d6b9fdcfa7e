import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { RunningIntentReconciler } from '@platform/database';
import { StartHostedKycResolver } from '../kyc/start-hosted-kyc.resolver';
import { ONBOARDING_CONFIG, type OnboardingConfig } from '../onboarding.config';
import { CreateLimitedUserResolver, CreateUserResolver } from './create-user.resolver';

/** Onboarding's P100 side effects whose answer can be lost: user creation (both models) and hosted KYC sessions. */
@Injectable()
export class IntentReconciliationService extends RunningIntentReconciler {
  constructor(
    dataSource: DataSource,
    createUser: CreateUserResolver,
    createLimitedUser: CreateLimitedUserResolver,
    startHostedKyc: StartHostedKycResolver,
    @Inject(ONBOARDING_CONFIG) config: OnboardingConfig,
  ) {
    super(dataSource, [createUser, createLimitedUser, startHostedKyc], config);
  }
}
