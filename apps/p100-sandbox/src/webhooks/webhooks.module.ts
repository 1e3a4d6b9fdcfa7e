import { Global, Module } from '@nestjs/common';
import { WebhookDeliveryWorker } from './webhook-delivery.worker';

/** Webhook delivery to the partner. Features enqueue with `enqueueWebhook` in their transaction. */
@Global()
@Module({
  providers: [WebhookDeliveryWorker],
  exports: [WebhookDeliveryWorker],
})
export class WebhooksModule {}
