import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { webhookMessageType, webhookTopic, type WebhookSpec } from '@platform/contracts';
import { insertOnceWithEvent } from '@platform/database';
import { currentCorrelationId } from '@platform/logging';
import { OneTimeCodeSealer, sealJsonFields } from '@platform/secrets';
import { WEBHOOK_INGEST_CONFIG, type WebhookIngestConfig } from '../webhook-ingest.config';
import { dedupeKey, messageKey } from './dedupe-key';
import { webhookMetrics } from './webhook-metrics';

export type ReceiveOutcome = 'stored' | 'duplicate';

/**
 * The code fields of one-time-code events (`oneTimeCode` in the catalog), compared without case
 * or separators. Neither payload is documented: P100 proposes `code`; third-party code and other
 * providers use the other names.
 */
const ONE_TIME_CODE_FIELDS = new Set(['code', 'otp', 'activationcode', 'securecode', 'threedscode', 'otpcode']);

/**
 * Stores a webhook and its outbox event in one statement (atomic, one round trip) before we
 * answer 200: from then on a Kafka outage only delays it, and a redelivery (same dedupe key) is a
 * no-op.
 */
@Injectable()
export class ReceiveWebhookHandler {
  private readonly metrics = webhookMetrics();
  private readonly sealer: OneTimeCodeSealer;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(WEBHOOK_INGEST_CONFIG) config: WebhookIngestConfig,
  ) {
    this.sealer = OneTimeCodeSealer.fromConfig(config.P100_CODE_KEYS);
  }

  async receive(spec: WebhookSpec, payload: Record<string, unknown>, received: string): Promise<ReceiveOutcome> {
    // One-time codes are sealed before anything is stored or published (the dedupe key, from the
    // payload, holds only their hash): never at rest in clear, here or on Kafka.
    const rawBody = spec.oneTimeCode ? sealJsonFields(received, ONE_TIME_CODE_FIELDS, this.sealer) : received;
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
          dedupe_key: dedupeKey(spec, payload, received),
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
