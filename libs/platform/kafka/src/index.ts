export { kafkaClientConfig, consumerConfig, producerConfig, type KafkaSettings } from './kafka-settings';
export { headersToStrings, toIncomingMessage } from './kafka-headers';
export { KafkaPublisher } from './kafka-publisher';
export { kafkaServerOptions, kafkaClientOptions } from './kafka-microservice';
export { CommandDispatcher, type CommandHandler, type CommandHandlers, type ErrorMapper } from './command-dispatcher';
export { CommandBus, type SendCommandOptions } from './command-bus';
