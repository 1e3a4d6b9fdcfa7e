export { kafkaClientConfig, consumerConfig, producerConfig, type KafkaSettings } from './kafka-settings';
export { headersToStrings, toIncomingMessage } from './kafka-headers';
export { KafkaPublisher } from './kafka-publisher';
export { kafkaNamespace, kafkaTopic, catalogTopic, kafkaGroupId } from './topic-namespace';
export { kafkaServerOptions, kafkaClientOptions } from './kafka-microservice';
export { PlatformKafkaServer, type ConsumerGroupState } from './platform-kafka-server';
export { CommandDispatcher, type CommandHandler, type CommandHandlers, type ErrorMapper } from './command-dispatcher';
export { CommandBus, type SendCommandOptions } from './command-bus';
// For tests: topics of one run (real Kafka refuses to auto-create them).
export { createTestTopics } from './test-support/test-broker';
export { KafkaClusterProcess } from './test-support/kafka-cluster-process';
export { KeyedLanes } from './keyed-lanes';
