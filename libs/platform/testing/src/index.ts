export { testEnv, uniqueName, kafkaTestSettings } from './test-env';
export { KafkaTestConsumer, type ReceivedMessage } from './kafka-test-consumer';
export { freePort } from './free-port';
export { GrpcTestClient, type GrpcAnswer } from './grpc-test-client';
export { grpcHealthStatus, grpcReflectedServices } from './grpc-probes';
export { newUserBody, pngFile } from './onboarding-fixtures';
