import { counter, histogram } from '@platform/metrics';

/** The service's own metrics (`webhook_ingest_*`); backlog gauges are in ../metrics/publication-metrics.ts. */
export const webhookMetrics = () => ({
  received: counter('webhook_ingest_received_total', 'Webhooks received and stored', ['event']),
  duplicates: counter('webhook_ingest_duplicates_total', 'Redelivered webhooks recognised by their dedupe key', ['event']),
  authRejected: counter('webhook_ingest_auth_rejected_total', 'Webhooks refused for a missing or wrong token'),
  invalid: counter('webhook_ingest_invalid_total', 'Webhooks refused as malformed', ['reason']),
  quarantined: counter('webhook_ingest_quarantined_total', 'Authenticated webhooks of an unknown type kept in quarantine'),
  commitBatchSize: histogram(
    'webhook_ingest_commit_batch_size',
    'Webhooks per group commit (one transaction each; the retries of a failed batch row by row are not counted)',
    [],
    [1, 2, 4, 8, 16, 32, 64, 128, 256, 512],
  ),
  commitDuration: histogram('webhook_ingest_commit_seconds', 'Duration of one group commit', ['outcome'], [0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1, 5]),
  commitFallbacks: counter('webhook_ingest_commit_fallbacks_total', 'Failed group commits retried webhook by webhook'),
  overloaded: counter('webhook_ingest_overloaded_total', 'Webhooks refused with 503 because the commit queue was full', ['reason']),
  published: counter('webhook_ingest_published_total', 'Stored webhooks published to Kafka (replays included)', ['topic']),
  publishLag: histogram(
    'webhook_ingest_publish_lag_seconds',
    'Seconds from a webhook being stored to its first publication',
    [],
    [0.01, 0.05, 0.1, 0.25, 0.5, 1, 5, 30, 120, 600, 3600],
  ),
});
