import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { webhookMessageType, webhookTopic, type WebhookSpec } from '@platform/contracts';
import { insertOnceWithEvent } from '@platform/database';
import { currentCorrelationId } from '@platform/logging';
import { dedupeKey, messageKey } from './dedupe-key';
import { webhookMetrics } from './webhook-metrics';

export type ReceiveOutcome = 'stored' | 'duplicate';

/**
 * Stores a webhook and its outbox event in one statement (atomic, one round trip) before we
 * answer 200: from then on a Kafka outage only delays it, and a redelivery (same dedupe key) is a
 * no-op.
 */
@Injectable()
export class ReceiveWebhookHandler {
  private readonly metrics = webhookMetrics();

  constructor(private readonly dataSource: DataSource) {}

  async receive(spec: WebhookSpec, payload: Record<string, unknown>, rawBody: string): Promise<ReceiveOutcome> {
    const id = randomUUID();
    const receivedAt = new Date();
    const key = messageKey(spec, payload);
    // The stored row's id is the event id: stable however often the row is re-published.
    const stored = await insertOnceWithEvent(
      this.dataSource,
      {
        table: 'received_webhooks',
        conflictTarget: 'dedupe_key',
        values: {
          id,
          event: spec.event,
          dedupe_key: dedupeKey(spec, payload, rawBody),
          message_key: key,
          payload: rawBody,
          correlation_id: currentCorrelationId() ?? null,
          received_at: receivedAt.toISOString(),
        },
      },
      {
        eventId: id,
        topic: webhookTopic(spec.family),
        key,
        type: webhookMessageType(spec.event),
        payload: rawBody,
        // The same instant as received_at, so a replay carries the original occurred-at.
        occurredAt: receivedAt,
      },
    );
    (stored ? this.metrics.received : this.metrics.duplicates).inc({ event: spec.event });
    return stored ? 'stored' : 'duplicate';
  }

  async quarantine(path: string, rawBody: string, reason: string): Promise<void> {
    await this.dataSource.query('INSERT INTO quarantined_webhooks (id, path, body, reason) VALUES ($1, $2, $3, $4)', [
      randomUUID(),
      path,
      rawBody,
      reason,
    ]);
    this.metrics.quarantined.inc();
  }
}
