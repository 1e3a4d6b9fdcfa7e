import { z } from 'zod';
import { DomainError, MessageHeaders } from '@platform/contracts';
import { currentCorrelationId, runWithCorrelation } from '@platform/logging';
import { CommandBus } from './command-bus';
import { KafkaPublisher } from './kafka-publisher';
import { createTestTopics, eventually, testBrokerSettings, testName } from './test-support/test-broker';
import { startTestService, type TestService } from './test-support/test-service';

describe('CommandBus ↔ CommandDispatcher request-reply through a Nest Kafka microservice (real broker)', () => {
  const commands = testName('test.bus.commands');
  const silent = testName('test.bus.silent');
  const events = testName('test.bus.events');
  let service: TestService;
  let bus: CommandBus;

  beforeAll(async () => {
    service = await startTestService({
      settings: testBrokerSettings('test-service'),
      eventTopics: [events],
      commands: {
        topic: commands,
        handlers: {
          'test.open-account.v1': {
            schema: z.object({ externalUserId: z.string().min(1), currency: z.enum(['EUR', 'USD']) }),
            handle: async (p: { externalUserId: string; currency: string }) => {
              if (p.externalUserId === 'taken') throw new DomainError('USER_ALREADY_EXISTS', 'user exists', { externalUserId: p.externalUserId });
              return { accountId: `acc-${p.externalUserId}`, balance: '0.00', currency: p.currency, correlationId: currentCorrelationId() };
            },
          },
        },
      },
    });
    // Nobody answers on `silent`; its reply topic must still exist for the bus to subscribe.
    await createTestTopics(testBrokerSettings(), [silent, `${silent}.reply`]);
    bus = new CommandBus(testBrokerSettings('test-gateway'), testName('test-gateway'), [commands, silent], 20_000);
    await bus.connect();
  }, 60_000);

  afterAll(async () => {
    await bus?.close();
    await service?.close();
  });

  it('holds its reply partitions once connected', () => {
    expect(bus.isConnected).toBe(true);
    expect(bus.hasReplyPartitions).toBe(true);
  });

  it("resolves with the handler's data and carries the caller's correlation id to the handler", async () => {
    const data = await runWithCorrelation('corr-bus-1', () =>
      bus.request(commands, 'test.open-account.v1', { externalUserId: 'u-1', currency: 'EUR' }, { key: 'u-1' }),
    );
    expect(data).toEqual({ accountId: 'acc-u-1', balance: '0.00', currency: 'EUR', correlationId: 'corr-bus-1' });
  });

  it('rejects with a DomainError carrying the code, message and details the service replied with', async () => {
    const invalid = bus.request(commands, 'test.open-account.v1', { externalUserId: 'u-2', currency: 'GBP' }, { key: 'u-2' });
    await expect(invalid).rejects.toBeInstanceOf(DomainError);
    await expect(invalid).rejects.toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'currency' } });
    await expect(bus.request(commands, 'test.open-account.v1', { externalUserId: 'taken', currency: 'EUR' }, { key: 'taken' })).rejects.toMatchObject({
      code: 'USER_ALREADY_EXISTS',
      message: 'user exists',
      details: { externalUserId: 'taken' },
    });
  });

  it('turns a missing reply into UPSTREAM_TIMEOUT, and refuses a topic it does not hold replies for', async () => {
    await expect(bus.request(silent, 'test.nobody-listens.v1', {}, { key: 'k', timeoutMs: 300 })).rejects.toMatchObject({
      code: 'UPSTREAM_TIMEOUT',
    });
    await expect(bus.request('other.commands', 'x.v1', {}, { key: 'k' })).rejects.toThrow('CommandBus not subscribed to replies of other.commands');
  });

  it('delivers a published event to an @EventPattern handler as an IncomingMessage with string headers', async () => {
    const publisher = new KafkaPublisher(testBrokerSettings());
    const eventId = testName('evt');
    try {
      await publisher.publish([
        {
          topic: events,
          key: 'exchange-7',
          value: JSON.stringify({ status: 'SUCCESS', amount: '100.10' }),
          headers: { [MessageHeaders.eventId]: eventId, [MessageHeaders.type]: 'test.settled.v1' },
        },
      ]);
      await eventually(() => expect(service.received.find((m) => m.headers[MessageHeaders.eventId] === eventId)).toBeDefined());
    } finally {
      await publisher.disconnect();
    }
    expect(service.received.find((m) => m.headers[MessageHeaders.eventId] === eventId)).toMatchObject({
      topic: events,
      key: 'exchange-7',
      headers: { [MessageHeaders.eventId]: eventId, [MessageHeaders.type]: 'test.settled.v1' },
      value: { status: 'SUCCESS', amount: '100.10' },
    });
  });
});
