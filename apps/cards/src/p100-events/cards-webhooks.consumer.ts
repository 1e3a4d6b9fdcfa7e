import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext, Payload } from '@nestjs/microservices';
import { InboxConsumer, type InboxHandlers } from '@platform/database';
import { toIncomingMessage } from '@platform/kafka';
import { CARDS_WEBHOOK_FAMILIES, CARDS_WEBHOOK_TOPICS } from '../cards.topics';
import { P100EventRecorder } from './p100-event.recorder';
import { p100WebhookHandlers } from './p100-webhook.handlers';

/**
 * P100's card webhooks (transactions, 3DS codes, activation codes), through the platform inbox:
 * deduplicated on `event-id`, retried with backoff, dead-lettered to `<topic>.dlq`.
 */
@Controller()
export class CardsWebhooksConsumer {
  private readonly handlers: InboxHandlers;

  constructor(
    private readonly inbox: InboxConsumer,
    recorder: P100EventRecorder,
  ) {
    this.handlers = p100WebhookHandlers(CARDS_WEBHOOK_FAMILIES, recorder);
  }

  // Awaited so that kafkajs commits the offset only after the inbox has settled the message.
  @EventPattern(CARDS_WEBHOOK_TOPICS)
  async consume(@Payload() value: unknown, @Ctx() context: KafkaContext): Promise<void> {
    await this.inbox.consume(toIncomingMessage(value, context), this.handlers);
  }
}
