import { Controller, Module, type INestApplication } from '@nestjs/common';
import { EventPattern } from '@nestjs/microservices';
import { kafkaTopic } from '@platform/kafka';
import { kafkaTestSettings, uniqueName } from '@platform/testing';
import { bootstrapService } from './bootstrap-service';
import { PlatformModule } from './platform.module';

// A catalog topic (provisioned in this run's namespace; platform consumers never auto-create
// topics). This test only reads it, under a group of its own, so it takes nothing from others.
const TOPIC = 'cards.events';

@Controller()
class ListeningController {
  @EventPattern([kafkaTopic(TOPIC)])
  consume(): void {}
}

@Module({ imports: [PlatformModule.forRoot({ service: 'platform-service-kafka-test', logLevel: 'silent' })], controllers: [ListeningController] })
class ListeningServiceModule {}

describe('bootstrapService with a Kafka consumer (real broker)', () => {
  let app: INestApplication;

  beforeAll(async () => {
    app = await bootstrapService({
      name: 'platform-service-kafka-test',
      module: ListeningServiceModule,
      port: 0,
      host: '127.0.0.1',
      kafka: { settings: kafkaTestSettings(), groupId: uniqueName('service-test') },
    });
  }, 60_000);
  // Stops the consumer, which leaves its group cleanly.
  afterAll(() => app?.close());

  it('makes readiness depend on the consumer having joined its group, and reports it up once joined', async () => {
    const baseUrl = await app.getUrl();
    let last: { status: number; body: any } | undefined;
    for (const deadline = Date.now() + 20_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 100))) {
      const response = await fetch(`${baseUrl}/health/ready`);
      last = { status: response.status, body: await response.json() };
      if (last.status === 200) break;
      // Until then the only reason to be unready is the consumer group.
      expect(last.body).toMatchObject({ error: { 'kafka-consumer': { status: 'down', message: 'consumer group does not hold its partitions (joining or rebalancing)' } } });
    }
    expect(last).toMatchObject({ status: 200, body: { info: { 'kafka-consumer': { status: 'up' } } } });
  });
});
