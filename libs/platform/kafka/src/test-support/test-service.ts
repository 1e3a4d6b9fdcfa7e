import { Controller, Module, type INestMicroservice } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Ctx, EventPattern, KafkaContext, MessagePattern, Payload, type MicroserviceOptions } from '@nestjs/microservices';
import type { IncomingMessage } from '@platform/contracts';
import { CommandDispatcher, type CommandHandlers } from '../command-dispatcher';
import { toIncomingMessage } from '../kafka-headers';
import { kafkaServerOptions } from '../kafka-microservice';
import type { KafkaSettings } from '../kafka-settings';
import { createTestTopics, testName } from './test-broker';
import { kafkaTopic } from '../topic-namespace';

export interface TestServiceOptions {
  settings: KafkaSettings;
  /** Answered through a CommandDispatcher over these handlers, as a domain service does. */
  commands: { topic: string; handlers: CommandHandlers };
  /** Recorded as IncomingMessages, as a service's inbox consumer receives them. */
  eventTopics: string[];
}

export interface TestService {
  readonly received: IncomingMessage[];
  close(): Promise<void>;
}

/**
 * The smallest Nest Kafka microservice wired the way the apps wire theirs (kafkaServerOptions,
 * CommandDispatcher behind @MessagePattern, toIncomingMessage behind @EventPattern), on topics
 * of this run. Nest binds patterns at class definition, hence the classes inside the function.
 */
export async function startTestService(options: TestServiceOptions): Promise<TestService> {
  const received: IncomingMessage[] = [];
  const dispatcher = new CommandDispatcher(options.commands.topic, options.commands.handlers);

  @Controller()
  class TestServiceController {
    @MessagePattern(kafkaTopic(options.commands.topic))
    handle(@Payload() command: unknown, @Ctx() context: KafkaContext) {
      return dispatcher.dispatch(command, context);
    }

    @EventPattern(options.eventTopics.map(kafkaTopic))
    consume(@Payload() value: unknown, @Ctx() context: KafkaContext): void {
      received.push(toIncomingMessage(value, context));
    }
  }

  @Module({ controllers: [TestServiceController] })
  class TestServiceModule {}

  const topics = [options.commands.topic, `${options.commands.topic}.reply`, ...options.eventTopics];
  await createTestTopics(options.settings, topics);
  const app: INestMicroservice = await NestFactory.createMicroservice<MicroserviceOptions>(TestServiceModule, {
    ...kafkaServerOptions(options.settings, testName('test-service')),
    logger: ['error'],
  });
  await app.listen();
  // close() makes the consumer leave its group, so the next run's join is not delayed.
  return { received, close: () => app.close() };
}
