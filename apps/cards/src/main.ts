import type { INestApplication } from '@nestjs/common';
import { bootstrapService, kafkaSettingsFromEnv, runService } from '@platform/service';
import { AppModule } from './app.module';
import { loadCardsConfig, type CardsConfig } from './cards.config';
import { SERVICE_NAME } from './cards.topics';
import { SecureLaneRoute } from './secure-lane/secure-lane.route';

export interface StartOptions {
  /** Tests join their own consumer group, so a member left over from another run never delays the join. */
  groupId?: string;
}

export function startCards(config: CardsConfig, options: StartOptions = {}): Promise<INestApplication> {
  return bootstrapService({
    name: SERVICE_NAME,
    module: AppModule.forRoot(config),
    port: config.PORT,
    host: config.HOST,
    kafka: { settings: kafkaSettingsFromEnv(config, SERVICE_NAME), groupId: options.groupId ?? SERVICE_NAME },
    // The secure lane (card secrets over HTTP from the gateway) has its own scope on the HTTP port.
    configure: (app) => app.get(SecureLaneRoute).register(app.getHttpAdapter().getInstance()),
  });
}

if (require.main === module) runService(() => startCards(loadCardsConfig()));
