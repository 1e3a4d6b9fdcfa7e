import { Controller, Module, type INestApplication } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { Kafka } from 'kafkajs';
import { createTestTopics, kafkaClientConfig, kafkaGroupId, kafkaTopic } from '@platform/kafka';
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

// A topic of this test alone (4 partitions), and what its handler has seen.
const COMMITTED_TOPIC = uniqueName('commit-on-stop');
const handled: string[] = [];

@Controller()
class CountingController {
  @EventPattern([kafkaTopic(COMMITTED_TOPIC)])
  consume(@Payload() value: unknown): void {
    // Bodies reach handlers as bytes (the platform's parser keeps them binary: exact decimals).
    handled.push(String(JSON.parse(Buffer.isBuffer(value) ? value.toString('utf8') : JSON.stringify(value)).n));
  }
}

@Module({ imports: [PlatformModule.forRoot({ service: 'platform-service-commit-test', logLevel: 'silent' })], controllers: [CountingController] })
class CountingServiceModule {}

describe('bootstrapService offset commits (real broker)', () => {
  it('commits on stop what finished within the commit interval, so a restart does not redo it', async () => {
    // A commit interval far longer than the test: only the stop can commit the later messages.
    const settings = { ...kafkaTestSettings(), commitIntervalMs: 600_000 };
    const groupId = uniqueName('commit-on-stop-group');
    await createTestTopics(settings, [COMMITTED_TOPIC]);
    const topic = kafkaTopic(COMMITTED_TOPIC);
    const kafka = new Kafka(kafkaClientConfig(settings));
    const producer = kafka.producer();
    const admin = kafka.admin();
    await Promise.all([producer.connect(), admin.connect()]);
    let app: INestApplication | undefined;
    try {
      app = await bootstrapService({ name: 'platform-service-commit-test', module: CountingServiceModule, port: 0, host: '127.0.0.1', kafka: { settings, groupId } });
      const send = (n: number) => producer.send({ topic, messages: [{ key: 'one-key', value: JSON.stringify({ n }), partition: 0 }] });
      // The first one is committed at once (nothing was committed for an interval); the next
      // three finish within the interval and wait.
      await send(0);
      await waitUntil(() => handled.length === 1);
      for (const n of [1, 2, 3]) await send(n);
      await waitUntil(() => handled.length === 4);
      await app.close();
      app = undefined;
      const [offsets] = await admin.fetchOffsets({ groupId: kafkaGroupId(groupId), topics: [topic] });
      expect({ handled, partition0: offsets!.partitions.find((p) => p.partition === 0)?.offset }).toEqual({ handled: ['0', '1', '2', '3'], partition0: '4' });
    } finally {
      await app?.close();
      await Promise.all([producer.disconnect(), admin.disconnect()]);
    }
  }, 90_000);
});

async function waitUntil(check: () => boolean, timeoutMs = 30_000): Promise<void> {
  for (const deadline = Date.now() + timeoutMs; !check(); await new Promise((r) => setTimeout(r, 50))) {
    if (Date.now() > deadline) throw new Error('timed out waiting for the handler');
  }
}
