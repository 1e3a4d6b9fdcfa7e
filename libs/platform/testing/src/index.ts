export { testEnv, uniqueName, kafkaTestSettings } from './test-env';
export { KafkaTestConsumer, type ReceivedMessage } from './kafka-test-consumer';
