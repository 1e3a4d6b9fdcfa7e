import { Counter, Gauge, Histogram, register, type Registry } from 'prom-client';

export type RequestOutcome =
  | 'success'
  | 'business_error'
  | 'auth_error'
  | 'rate_limited'
  | 'outage'
  | 'timeout'
  | 'network_error'
  | 'circuit_open'
  | 'deadline_exceeded'
  | 'bulkhead_full'
  | 'unexpected_response';

export type RetryReason = 'connection_refused' | 'network_error' | 'timeout' | 'outage' | 'rate_limited';

export interface P100Metrics {
  requests: Counter<'operation' | 'outcome'>;
  duration: Histogram<'operation' | 'outcome'>;
  breakerState: Gauge<'group'>;
  breakerTransitions: Counter<'group' | 'to'>;
  breakerRejections: Counter<'group'>;
  retries: Counter<'operation' | 'reason'>;
  inFlight: Gauge<'group'>;
  bulkheadRejections: Counter<'group'>;
}

/**
 * The client's metrics on `registry` (default: prom-client's global one). Metrics already
 * registered under these names are reused, so two clients on one registry do not throw.
 */
export function p100Metrics(registry: Registry = register): P100Metrics {
  const reuse = <M>(name: string, create: () => M): M => (registry.getSingleMetric(name) as M | undefined) ?? create();
  return {
    requests: reuse(
      'p100_requests_total',
      () => new Counter({ name: 'p100_requests_total', help: 'HTTP requests to P100 (one per attempt) by outcome', labelNames: ['operation', 'outcome'], registers: [registry] }),
    ),
    duration: reuse(
      'p100_request_duration_seconds',
      () =>
        new Histogram({
          name: 'p100_request_duration_seconds',
          help: 'Duration of one attempt of a P100 call',
          labelNames: ['operation', 'outcome'],
          buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
          registers: [registry],
        }),
    ),
    breakerState: reuse(
      'p100_breaker_state',
      () => new Gauge({ name: 'p100_breaker_state', help: 'Breaker state per endpoint group: 0 closed, 1 half-open, 2 open', labelNames: ['group'], registers: [registry] }),
    ),
    breakerTransitions: reuse(
      'p100_breaker_transitions_total',
      () => new Counter({ name: 'p100_breaker_transitions_total', help: 'Breaker state changes per endpoint group', labelNames: ['group', 'to'], registers: [registry] }),
    ),
    breakerRejections: reuse(
      'p100_breaker_rejections_total',
      () => new Counter({ name: 'p100_breaker_rejections_total', help: 'Calls failed fast by an open breaker', labelNames: ['group'], registers: [registry] }),
    ),
    inFlight: reuse(
      'p100_in_flight_calls',
      () => new Gauge({ name: 'p100_in_flight_calls', help: 'P100 calls under way per endpoint group (bounded by the bulkhead)', labelNames: ['group'], registers: [registry] }),
    ),
    bulkheadRejections: reuse(
      'p100_bulkhead_rejections_total',
      () => new Counter({ name: 'p100_bulkhead_rejections_total', help: 'Calls refused because their endpoint group had its maximum under way', labelNames: ['group'], registers: [registry] }),
    ),
    retries: reuse(
      'p100_retries_total',
      () => new Counter({ name: 'p100_retries_total', help: 'Retried P100 calls by reason', labelNames: ['operation', 'reason'], registers: [registry] }),
    ),
  };
}
