import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError } from '@platform/contracts';
import { enqueueWebhook } from '../webhooks/enqueue-webhook';
import { WebhookDeliveryWorker } from '../webhooks/webhook-delivery.worker';
import { attemptsOf, findDelivery, payloadTextOf } from '../webhooks/webhook-deliveries.repository';
import { toDeliveryView, type WebhookDeliveryView } from './webhook-delivery.view';

/**
 * Sends a delivery's payload again as a new delivery with its own five attempts, linked to the
 * original; the original and its attempt history stay as they were.
 */
@Injectable()
export class RedeliverWebhookHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly worker: WebhookDeliveryWorker,
  ) {}

  async execute(id: string): Promise<WebhookDeliveryView> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) throw new DomainError('NOT_FOUND', `no webhook delivery ${id}`);
    const original = await findDelivery(this.dataSource, id);
    if (!original) throw new DomainError('NOT_FOUND', `no webhook delivery ${id}`);
    const { id: newId } = await enqueueWebhook(this.dataSource, {
      event: original.event,
      payload: (await payloadTextOf(this.dataSource, original.id))!,
      redeliveryOf: original.id,
    });
    this.worker.wake();
    const created = await findDelivery(this.dataSource, newId);
    return toDeliveryView(created!, await attemptsOf(this.dataSource, [newId]));
  }
}
