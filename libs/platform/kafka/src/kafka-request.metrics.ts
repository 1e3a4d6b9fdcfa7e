import type { Kafka } from 'kafkajs';
import { histogram } from '@platform/metrics';

export const KAFKA_REQUEST_METRIC = 'kafka_client_request_duration_seconds';

/**
 * Every request this process makes to the brokers, by the client's role and Kafka API (Produce,
 * Fetch, OffsetCommit, Heartbeat, Metadata...), timed from its send to its answer. It answers
 * "how many broker round trips does one command cost, and which" without a packet capture; a
 * Fetch's time includes the broker's wait for data (up to maxWaitTimeInMs when idle). Labels are
 * bounded: three roles, the APIs kafkajs speaks.
 */
const requests = histogram(KAFKA_REQUEST_METRIC, 'Requests to the Kafka brokers, by client role and Kafka API, from send to answer (kafkajs instrumentation)', ['role', 'api'], [
  0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5, 10,
]);

type Role = 'producer' | 'consumer' | 'admin';
interface Instrumented {
  on(event: string, listener: (event: { payload: { apiName: string; duration: number } }) => void): unknown;
  events: { REQUEST: string };
}

function observe<T extends Instrumented>(client: T, role: Role): T {
  client.on(client.events.REQUEST, ({ payload }) => requests.observe({ role, api: payload.apiName }, payload.duration / 1000));
  return client;
}

/** The kafkajs client with every producer, consumer and admin it creates reporting its requests. */
export function withRequestMetrics(kafka: Kafka): Kafka {
  const producer = kafka.producer.bind(kafka);
  const consumer = kafka.consumer.bind(kafka);
  const admin = kafka.admin.bind(kafka);
  kafka.producer = (config) => observe(producer(config), 'producer');
  kafka.consumer = (config) => observe(consumer(config), 'consumer');
  kafka.admin = (config) => observe(admin(config), 'admin');
  return kafka;
}
