import type { INestApplication } from '@nestjs/common';
import { bootstrapService, kafkaSettingsFromEnv, runService } from '@platform/service';
import { AppModule } from './app.module';
import { loadOnboardingConfig, type OnboardingConfig } from './onboarding.config';

export interface StartOptions {
  /** Tests join their own consumer group, so a member left over from another run never delays the join. */
  groupId?: string;
}

export async function startOnboarding(config: OnboardingConfig, options: StartOptions = {}): Promise<INestApplication> {
  return bootstrapService({
    name: 'onboarding-kyc',
    module: AppModule.register(config),
    port: config.PORT,
    host: config.HOST,
    kafka: { settings: kafkaSettingsFromEnv(config, 'onboarding-kyc'), groupId: options.groupId ?? 'onboarding-kyc' },
  });
}

if (require.main === module) runService(() => startOnboarding(loadOnboardingConfig()));
