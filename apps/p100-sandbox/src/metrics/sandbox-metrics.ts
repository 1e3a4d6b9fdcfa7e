import { counter } from '@platform/metrics';

/** The sandbox's own metrics (idempotent: every call returns the same registered series). */
export function sandboxMetrics() {
  return {
    requests: counter(
      'sandbox_requests_total',
      'P100 API requests answered by the sandbox, by operation and status (HTTP status on success, P100 error code on failure)',
      ['operation', 'status'],
    ),
    webhookDeliveries: counter(
      'sandbox_webhook_deliveries_total',
      'Webhook delivery attempts by event and outcome (delivered, retrying, failed, skipped)',
      ['event', 'outcome'],
    ),
  };
}
