import { Transport, type KafkaOptions } from '@nestjs/microservices';
import { consumerConfig, kafkaClientConfig, producerConfig, type KafkaSettings } from './kafka-settings';

export const KEY_CONCURRENCY_DEFAULT = 16;
export const COMMIT_INTERVAL_DEFAULT_MS = 200;

/**
 * Options for a service's Nest Kafka server (commands + events). `postfixId: ''` stops Nest from
 * appending `-server` to our client and group ids, so the ids in Kafka are the ones we chose.
 */
export function kafkaServerOptions(settings: KafkaSettings, groupId: string): KafkaOptions {
  return {
    transport: Transport.KAFKA,
    options: {
      postfixId: '',
      client: kafkaClientConfig(settings),
      // Nest re-declares kafkajs's types; the structures are the same.
      consumer: consumerConfig(settings, groupId) as never,
      producer: producerConfig(settings),
      subscribe: { fromBeginning: true },
      // KeyedLanes takes batches in, runs them per key and commits (platform-kafka-server.ts).
      run: { autoCommit: false },
      // Bodies stay bytes until our adapter decodes them (message-value.ts): exact decimals.
      parser: { keepBinary: true },
    },
  };
}

/** Options for the gateway's Nest Kafka client (request-reply over `<topic>` / `<topic>.reply`). */
export function kafkaClientOptions(settings: KafkaSettings, groupId: string): KafkaOptions['options'] {
  return {
    postfixId: '',
    client: kafkaClientConfig(settings),
    consumer: consumerConfig(settings, groupId) as never,
    producer: producerConfig(settings),
    subscribe: { fromBeginning: false },
    // Replies matter only to the process that waits for them, and connect() starts the reply
    // consumer at the end of its partitions (CommandBus): a committed offset is never read, and
    // committing it cost a broker round trip per reply.
    run: { autoCommit: false },
  };
}
