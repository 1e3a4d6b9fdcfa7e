import { Transport } from '@nestjs/microservices';
import { kafkaClientOptions, kafkaServerOptions } from './kafka-microservice';
import { consumerConfig, kafkaClientConfig, producerConfig, type KafkaSettings } from './kafka-settings';
import { kafkaGroupId } from './topic-namespace';

const devBroker: KafkaSettings = { brokers: ['127.0.0.1:9092'], clientId: 'svc', devBroker: true };
const realKafka: KafkaSettings = { ...devBroker, devBroker: false };

describe('Kafka settings', () => {
  it('turns the idempotent producer off only for the dev broker, and never auto-creates topics', () => {
    expect(producerConfig(devBroker)).toMatchObject({ idempotent: false, maxInFlightRequests: 1, allowAutoTopicCreation: false });
    expect(producerConfig(realKafka)).toMatchObject({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
  });

  it('keeps empty fetches short on the dev broker, the Kafka default otherwise, and honours an explicit wait', () => {
    expect(consumerConfig(devBroker, 'g1')).toMatchObject({ groupId: kafkaGroupId('g1'), maxWaitTimeInMs: 10, allowAutoTopicCreation: false });
    expect(consumerConfig(realKafka, 'g1').maxWaitTimeInMs).toBe(5000);
    expect(consumerConfig({ ...realKafka, maxWaitTimeInMs: 42 }, 'g1').maxWaitTimeInMs).toBe(42);
    expect(consumerConfig({ ...devBroker, maxWaitTimeInMs: 42 }, 'g1').maxWaitTimeInMs).toBe(42);
  });

  it('keeps three heartbeats per session whatever the session timeout', () => {
    expect(consumerConfig(realKafka, 'g1')).toMatchObject({ sessionTimeout: 30_000, heartbeatInterval: 3_000 });
    expect(consumerConfig({ ...realKafka, sessionTimeoutMs: 6_000 }, 'g1')).toMatchObject({ sessionTimeout: 6_000, heartbeatInterval: 2_000 });
    expect(consumerConfig({ ...realKafka, sessionTimeoutMs: 120_000 }, 'g1')).toMatchObject({ sessionTimeout: 120_000, heartbeatInterval: 3_000 });
  });

  it('passes brokers and client id through to kafkajs', () => {
    expect(kafkaClientConfig({ ...devBroker, brokers: ['a:1', 'b:2'], clientId: 'payments' })).toMatchObject({
      clientId: 'payments',
      brokers: ['a:1', 'b:2'],
    });
  });

  it('builds Nest server and client options that keep our ids (no -server/-client postfix)', () => {
    const server = kafkaServerOptions(devBroker, 'payments');
    expect(server.transport).toBe(Transport.KAFKA);
    expect(server.options).toMatchObject({
      postfixId: '',
      client: { clientId: 'svc' },
      consumer: { groupId: kafkaGroupId('payments'), maxWaitTimeInMs: 10 },
      producer: { idempotent: false },
      subscribe: { fromBeginning: true },
    });
    expect(kafkaClientOptions(realKafka, 'gateway')).toMatchObject({
      postfixId: '',
      consumer: { groupId: kafkaGroupId('gateway'), maxWaitTimeInMs: 5000 },
      producer: { idempotent: true },
      subscribe: { fromBeginning: false },
    });
  });
});
