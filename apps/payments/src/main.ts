import type { INestApplication } from '@nestjs/common';
import { bootstrapService, kafkaSettingsFromEnv, runService } from '@platform/service';
import { AppModule } from './app.module';
import { loadPaymentsConfig, type PaymentsConfig } from './payments.config';
import { SERVICE_NAME } from './payments.topics';

export interface StartOptions {
  /** Tests join their own consumer group, so a member left over from another run never delays the join. */
  groupId?: string;
}

export function startPayments(config: PaymentsConfig, options: StartOptions = {}): Promise<INestApplication> {
  return bootstrapService({
    name: SERVICE_NAME,
    module: AppModule.forRoot(config),
    port: config.PORT,
    host: config.HOST,
    kafka: { settings: kafkaSettingsFromEnv(config, SERVICE_NAME), groupId: options.groupId ?? SERVICE_NAME },
  });
}

if (require.main === module) runService(() => startPayments(loadPaymentsConfig()));
