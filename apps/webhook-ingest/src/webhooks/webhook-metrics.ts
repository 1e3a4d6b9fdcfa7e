import { counter } from '@platform/metrics';

export const webhookMetrics = () => ({
  received: counter('webhooks_received_total', 'Webhooks received and stored', ['event']),
  duplicates: counter('webhooks_duplicates_total', 'Redelivered webhooks recognised by their dedupe key', ['event']),
  authRejected: counter('webhooks_auth_rejected_total', 'Webhooks refused for a missing or wrong token'),
  invalid: counter('webhooks_invalid_total', 'Webhooks refused as malformed', ['reason']),
  quarantined: counter('webhooks_quarantined_total', 'Authenticated webhooks of an unknown type kept in quarantine'),
});
