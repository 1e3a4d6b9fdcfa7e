import {
  ConfigurableModuleBuilder,
  Global,
  Inject,
  Injectable,
  Logger,
  Module,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { DataSource } from 'typeorm';
import { InboxConsumer, OutboxRelay } from '@platform/database';
import { ReadinessRegistry } from '@platform/health';
import { KafkaPublisher, type KafkaSettings } from '@platform/kafka';

export interface MessagingModuleOptions {
  kafka: KafkaSettings;
  databaseUrl: string;
  schema: string;
  inbox?: { maxAttempts?: number; baseBackoffMs?: number };
}

const { ConfigurableModuleClass, MODULE_OPTIONS_TOKEN } = new ConfigurableModuleBuilder<MessagingModuleOptions>()
  .setClassMethodName('forRoot')
  .build();

@Injectable()
class MessagingLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(
    private readonly relay: OutboxRelay,
    private readonly publisher: KafkaPublisher,
    private readonly dataSource: DataSource,
    private readonly readiness: ReadinessRegistry,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.readiness.register({ name: 'postgres', check: async () => void (await this.dataSource.query('SELECT 1')) });
    this.readiness.register({ name: 'kafka-producer', check: () => this.publisher.connect() });
    await this.relay.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    // Stop publishing before the producer goes; unpublished rows simply wait for the next start.
    await this.relay.stop();
    await this.publisher.disconnect();
  }
}

/** The transactional outbox relay and the inbox consumer of a service, over its own schema. */
@Global()
@Module({
  providers: [
    {
      provide: KafkaPublisher,
      inject: [MODULE_OPTIONS_TOKEN],
      useFactory: (o: MessagingModuleOptions) => new KafkaPublisher(o.kafka),
    },
    {
      provide: OutboxRelay,
      inject: [MODULE_OPTIONS_TOKEN, DataSource, KafkaPublisher],
      useFactory: (o: MessagingModuleOptions, dataSource: DataSource, publisher: KafkaPublisher) => {
        const logger = new Logger('OutboxRelay');
        return new OutboxRelay({
          dataSource,
          databaseUrl: o.databaseUrl,
          schema: o.schema,
          publisher,
          log: { info: (m) => logger.log(m), warn: (m) => logger.warn(m), error: (m) => logger.error(m) },
        });
      },
    },
    {
      provide: InboxConsumer,
      inject: [MODULE_OPTIONS_TOKEN, DataSource, KafkaPublisher],
      useFactory: (o: MessagingModuleOptions, dataSource: DataSource, publisher: KafkaPublisher) => {
        const logger = new Logger('InboxConsumer');
        return new InboxConsumer({
          dataSource,
          publisher,
          ...o.inbox,
          log: { warn: (m) => logger.warn(m), error: (m) => logger.error(m) },
        });
      },
    },
    MessagingLifecycle,
  ],
  exports: [KafkaPublisher, OutboxRelay, InboxConsumer],
})
export class MessagingModule extends ConfigurableModuleClass {
  constructor(@Inject(MODULE_OPTIONS_TOKEN) readonly options: MessagingModuleOptions) {
    super();
  }
}
