import { bootstrapService, kafkaSettingsFromEnv, runService } from '@platform/service';
import { AppModule } from './app.module';
import { loadOnboardingConfig, type OnboardingConfig } from './onboarding.config';

export async function startOnboarding(config: OnboardingConfig) {
  return bootstrapService({
    name: 'onboarding-kyc',
    module: AppModule.register(config),
    port: config.PORT,
    host: config.HOST,
    kafka: { settings: kafkaSettingsFromEnv(config, 'onboarding-kyc'), groupId: 'onboarding-kyc' },
  });
}

if (require.main === module) runService(() => startOnboarding(loadOnboardingConfig()));
