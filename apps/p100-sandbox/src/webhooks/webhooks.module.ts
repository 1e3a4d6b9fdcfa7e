import { Global, Module } from '@nestjs/common';
import { ClearWebhookDropsHandler } from './clear-webhook-drops.handler';
import { ListWebhookDropsHandler } from './list-webhook-drops.handler';
import { PutWebhookDropHandler } from './put-webhook-drop.handler';
import { WebhookDeliveryWorker } from './webhook-delivery.worker';
import { WebhookDropsController } from './webhook-drops.controller';

/**
 * Webhook delivery to the partner. Features enqueue with `enqueueWebhook` in their transaction;
 * the admin's webhook drops (consumed there) keep chosen webhooks from ever being sent.
 */
@Global()
@Module({
  controllers: [WebhookDropsController],
  providers: [WebhookDeliveryWorker, PutWebhookDropHandler, ListWebhookDropsHandler, ClearWebhookDropsHandler],
  exports: [WebhookDeliveryWorker],
})
export class WebhooksModule {}
