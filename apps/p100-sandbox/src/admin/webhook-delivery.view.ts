import type { AttemptRow, DeliveryRow } from '../webhooks/webhook-deliveries.repository';

export interface WebhookDeliveryView {
  id: string;
  event: string;
  path: string;
  payload: Record<string, unknown>;
  status: DeliveryRow['status'];
  attempts: number;
  nextAttemptAt: string | null;
  lastStatusCode: number | null;
  lastError: string | null;
  redeliveryOf: string | null;
  createdAt: string;
  finishedAt: string | null;
  attemptHistory: Array<{
    attempt: number;
    startedAt: string;
    finishedAt: string | null;
    statusCode: number | null;
    error: string | null;
    durationMs: number | null;
  }>;
}

export function toDeliveryView(row: DeliveryRow, attempts: readonly AttemptRow[]): WebhookDeliveryView {
  return {
    id: row.id,
    event: row.event,
    path: row.path,
    payload: row.payload,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.status === 'pending' ? row.next_attempt_at.toISOString() : null,
    lastStatusCode: row.last_status_code,
    lastError: row.last_error,
    redeliveryOf: row.redelivery_of,
    createdAt: row.created_at.toISOString(),
    finishedAt: row.finished_at?.toISOString() ?? null,
    attemptHistory: attempts
      .filter((a) => a.delivery_id === row.id)
      .map((a) => ({
        attempt: a.attempt,
        startedAt: a.started_at.toISOString(),
        finishedAt: a.finished_at?.toISOString() ?? null,
        statusCode: a.status_code,
        error: a.error,
        durationMs: a.duration_ms,
      })),
  };
}
