import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CARDS_COMMANDS_TOPIC, ONBOARDING_COMMANDS_TOPIC, PAYMENTS_COMMANDS_TOPIC } from '@platform/contracts';
import { ReadinessRegistry } from '@platform/health';
import { CommandBus } from '@platform/kafka';
import { kafkaSettingsFromEnv } from '@platform/service';
import { GATEWAY_CONFIG, type GatewayConfig } from '../gateway.config';

/** Topics whose commands the gateway sends; it listens on each `<topic>.reply`. */
export const GATEWAY_COMMAND_TOPICS = [ONBOARDING_COMMANDS_TOPIC, PAYMENTS_COMMANDS_TOPIC, CARDS_COMMANDS_TOPIC];

/** The gateway's Kafka request-reply client, connected at start and closed on shutdown. */
@Injectable()
export class GatewayCommandBus extends CommandBus implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    @Inject(GATEWAY_CONFIG) config: GatewayConfig,
    private readonly readiness: ReadinessRegistry,
    private readonly dataSource: DataSource,
  ) {
    super(kafkaSettingsFromEnv(config, 'gateway'), 'gateway', GATEWAY_COMMAND_TOPICS, config.GATEWAY_COMMAND_TIMEOUT_MS);
  }

  async onApplicationBootstrap(): Promise<void> {
    this.readiness.register({ name: 'postgres', check: async () => void (await this.dataSource.query('SELECT 1')) });
    this.readiness.register({
      name: 'kafka-replies',
      check: async () => {
        if (!this.hasReplyPartitions) throw new Error('reply consumer has not joined its group yet');
      },
    });
    await this.connect();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.close();
  }
}
