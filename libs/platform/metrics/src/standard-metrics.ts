import { counter, histogram } from './registry';

/** HTTP handler metrics, recorded by a Fastify hook for every route. */
export const httpMetrics = () => ({
  requests: counter('http_requests_total', 'HTTP requests handled', ['method', 'route', 'status']),
  duration: histogram('http_request_duration_seconds', 'HTTP request duration', ['method', 'route', 'status']),
});

/** Kafka handler metrics, recorded by the command dispatcher and the inbox consumer. */
export const kafkaMetrics = () => ({
  handled: counter('kafka_messages_handled_total', 'Kafka messages handled', ['topic', 'outcome']),
  duration: histogram('kafka_handler_duration_seconds', 'Kafka handler duration', ['topic', 'outcome']),
  deadLettered: counter('kafka_messages_dead_lettered_total', 'Kafka messages sent to a DLQ', ['topic']),
  retries: counter('kafka_handler_retries_total', 'Kafka handler retries', ['topic']),
});
