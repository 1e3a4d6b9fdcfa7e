import { Gauge } from 'prom-client';
import { metricsRegistry } from '@platform/metrics';

export const OUTBOX_AGE_METRIC = 'outbox_oldest_unpublished_age_seconds';

/**
 * What each relay of this process last saw: the write time of its schema's oldest unpublished
 * row, or null when its outbox was empty. Only the replica that holds a schema's publish lock
 * reports; the others do not know.
 */
const seen = new Map<object, { schema: string; occurredAt: Date | null }>();

/**
 * The age is computed when Prometheus scrapes, not when the relay polls: a relay that stopped
 * polling altogether (its loop stuck, its database gone) still shows a backlog getting older,
 * which `outbox_backlog` (set only by a poll) cannot.
 */
export function reportOldestUnpublished(relay: object, schema: string, occurredAt: Date | null): void {
  registerGauge();
  seen.set(relay, { schema, occurredAt });
}

/** The relay does not publish this schema (stopped, or another replica holds the lock). */
export function stopReportingOldest(relay: object): void {
  seen.delete(relay);
}

function registerGauge(): void {
  if (metricsRegistry.getSingleMetric(OUTBOX_AGE_METRIC)) return;
  new Gauge({
    name: OUTBOX_AGE_METRIC,
    help: 'Age of the oldest outbox row not yet published (0 when none), per schema, from the replica that publishes it: the current publish delay',
    labelNames: ['schema'],
    registers: [metricsRegistry],
    collect() {
      this.reset();
      const now = Date.now();
      const ages = new Map<string, number>();
      for (const { schema, occurredAt } of seen.values()) {
        const age = occurredAt ? Math.max(0, (now - occurredAt.getTime()) / 1000) : 0;
        ages.set(schema, Math.max(ages.get(schema) ?? 0, age));
      }
      for (const [schema, age] of ages) this.set({ schema }, age);
    },
  });
}
