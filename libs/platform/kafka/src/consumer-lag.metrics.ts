import { Gauge } from 'prom-client';
import { metricsRegistry } from '@platform/metrics';
import type { PartitionLag } from './keyed-lanes';

/** A consumer group member whose lag is reported: its group id and what its lanes hold. */
export interface ConsumerLagSource {
  readonly group: string;
  lag(): PartitionLag[];
}

export const CONSUMER_LAG_METRIC = 'kafka_consumer_lag_messages';

/** Every consumer of this process that reports (one per service; tests may start several). */
const sources = new Set<ConsumerLagSource>();

/**
 * Reports a consumer's lag per partition it holds, read when Prometheus scrapes (nothing per
 * message). Labels are the group, the topic and the partition: all three come from the topic
 * catalog and the service, so the series stay bounded. A partition given to another member
 * disappears from here (KeyedLanes.forget); its new owner reports it. Returns the unregister.
 */
export function reportConsumerLag(source: ConsumerLagSource): () => void {
  registerGauge();
  sources.add(source);
  return () => void sources.delete(source);
}

function registerGauge(): void {
  if (metricsRegistry.getSingleMetric(CONSUMER_LAG_METRIC)) return;
  new Gauge({
    name: CONSUMER_LAG_METRIC,
    help: 'Messages on a partition not yet handled by this consumer group member: the partition end at its last fetch minus the first offset not done',
    labelNames: ['group', 'topic', 'partition'],
    registers: [metricsRegistry],
    collect() {
      // Partitions revoked since the last scrape must not linger with their old value.
      this.reset();
      for (const source of sources) {
        for (const { topic, partition, messages } of source.lag()) this.set({ group: source.group, topic, partition: String(partition) }, messages);
      }
    },
  });
}
