import { Kafka } from 'kafkajs';
import { metricsRegistry } from '@platform/metrics';
import { KAFKA_REQUEST_METRIC, withRequestMetrics } from './kafka-request.metrics';
import { kafkaClientConfig, producerConfig } from './kafka-settings';
import { createTestTopics, testBrokerSettings, testName } from './test-support/test-broker';
import { kafkaTopic } from './topic-namespace';

/** The request count of one role and API so far. */
async function requestCount(role: string, api: string): Promise<number> {
  const metric = await metricsRegistry.getSingleMetric(KAFKA_REQUEST_METRIC)!.get();
  const series = metric.values.find((v) => (v as { metricName?: string }).metricName === `${KAFKA_REQUEST_METRIC}_count` && v.labels.role === role && v.labels.api === api);
  return series?.value ?? 0;
}

describe('kafka_client_request_duration_seconds (real broker)', () => {
  it('counts each produce request of an instrumented client by role and API, and only those', async () => {
    const settings = testBrokerSettings();
    const name = testName('request-metrics');
    await createTestTopics(settings, [name]);
    const kafka = withRequestMetrics(new Kafka(kafkaClientConfig(settings)));
    const producer = kafka.producer(producerConfig(settings));
    // Not instrumented: its requests must not show up.
    const bare = new Kafka(kafkaClientConfig(settings)).producer(producerConfig(settings));
    await Promise.all([producer.connect(), bare.connect()]);
    try {
      const before = await requestCount('producer', 'Produce');
      for (let i = 0; i < 3; i += 1) await producer.send({ topic: kafkaTopic(name), messages: [{ key: 'k', value: String(i) }] });
      await bare.send({ topic: kafkaTopic(name), messages: [{ key: 'k', value: 'bare' }] });
      expect((await requestCount('producer', 'Produce')) - before).toBe(3);
    } finally {
      await Promise.all([producer.disconnect(), bare.disconnect()]);
    }
  });
});
