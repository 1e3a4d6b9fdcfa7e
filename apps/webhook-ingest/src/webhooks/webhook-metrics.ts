import { counter, histogram } from '@platform/metrics';

/** The service's own metrics (`webhook_ingest_*`); backlog gauges are in ../metrics/publication-metrics.ts. */
export const webhookMetrics = () => ({
  received: counter('webhook_ingest_received_total', 'Webhooks received and stored', ['event']),
  duplicates: counter('webhook_ingest_duplicates_total', 'Redelivered webhooks recognised by their dedupe key', ['event']),
  authRejected: counter('webhook_ingest_auth_rejected_total', 'Webhooks refused for a missing or wrong token'),
  invalid: counter('webhook_ingest_invalid_total', 'Webhooks refused as malformed', ['reason']),
  quarantined: counter('webhook_ingest_quarantined_total', 'Authenticated webhooks of an unknown type kept in quarantine'),
  published: counter('webhook_ingest_published_total', 'Stored webhooks published to Kafka (replays included)', ['topic']),
  publishLag: histogram(
    'webhook_ingest_publish_lag_seconds',
    'Seconds from a webhook being stored to its first publication',
    [],
    [0.01, 0.05, 0.1, 0.25, 0.5, 1, 5, 30, 120, 600, 3600],
  ),
});
