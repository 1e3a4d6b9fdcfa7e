import { Counter, Gauge, Histogram, collectDefaultMetrics, register, type Registry } from 'prom-client';

/**
 * One registry per process (prom-client's global one), so that metrics registered by libraries
 * (the P100 client, the outbox relay) appear on the same /metrics page as the service's own.
 * The get-or-create helpers make registration idempotent: tests and hot reloads may build a module
 * twice in one process.
 */
export const metricsRegistry: Registry = register;

const EVENT_LOOP_MONITORING_PRECISION_MS = 100;
const GAUGES_NAMED_LIKE_COUNTERS = ['nodejs_active_handles_total', 'nodejs_active_requests_total', 'nodejs_active_resources_total'];

let defaultsCollected = false;
export function collectProcessMetrics(service: string): void {
  if (defaultsCollected) return;
  defaultsCollected = true;
  metricsRegistry.setDefaultLabels({ service });
  // The event-loop delay monitor samples with a libuv timer; prom-client's default 10 ms wakes an
  // idle service 100 times a second (the largest cost of a service at rest once kafkajs was
  // mended). Every 100 ms still sees each stall that matters to an operator.
  collectDefaultMetrics({ register: metricsRegistry, eventLoopMonitoringPrecision: EVENT_LOOP_MONITORING_PRECISION_MS });
  // prom-client also exports these sums as gauges named `*_total`, a suffix Prometheus reserves for
  // counters (`promtool check metrics` warns on each). The per-type gauges remain; sum them instead.
  for (const name of GAUGES_NAMED_LIKE_COUNTERS) metricsRegistry.removeSingleMetric(name);
}

export function counter<L extends string>(name: string, help: string, labelNames: readonly L[] = []): Counter<L> {
  return (metricsRegistry.getSingleMetric(name) as Counter<L>) ?? new Counter({ name, help, labelNames, registers: [metricsRegistry] });
}

export function gauge<L extends string>(name: string, help: string, labelNames: readonly L[] = []): Gauge<L> {
  return (metricsRegistry.getSingleMetric(name) as Gauge<L>) ?? new Gauge({ name, help, labelNames, registers: [metricsRegistry] });
}

export function histogram<L extends string>(
  name: string,
  help: string,
  labelNames: readonly L[] = [],
  buckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
): Histogram<L> {
  return (
    (metricsRegistry.getSingleMetric(name) as Histogram<L>) ??
    new Histogram({ name, help, labelNames, buckets, registers: [metricsRegistry] })
  );
}
