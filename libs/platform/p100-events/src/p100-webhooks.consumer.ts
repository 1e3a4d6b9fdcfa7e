import { Controller, Inject, Optional, type Type } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext, Payload } from '@nestjs/microservices';
import { webhookTopic, type WebhookSpec } from '@platform/contracts';
import { InboxConsumer, type InboxHandlers } from '@platform/database';
import { kafkaTopic, toIncomingMessage } from '@platform/kafka';
import { P100EventRecorder } from './p100-event.recorder';
import { p100WebhookHandlers, type P100EventEffect } from './p100-webhook.handlers';

/**
 * A service's effect on recorded events (P100EventEffect), provided under this token by the
 * service's module and run in the inbox transaction; services without one only record.
 */
export const P100_EVENT_EFFECT = Symbol('P100_EVENT_EFFECT');

/** What the service provides under P100_EVENT_EFFECT. */
export interface P100EventEffectProvider {
  onP100Event: P100EventEffect;
}

/**
 * A Kafka controller for the given P100 webhook families, through the platform inbox:
 * deduplicated on `event-id`, retried with backoff, dead-lettered to `<topic>.dlq`.
 * A class per service because @EventPattern takes its topics when the class is declared.
 */
export function createP100WebhooksConsumer(families: readonly WebhookSpec['family'][]): Type<unknown> {
  const topics = families.map((family) => kafkaTopic(webhookTopic(family)));

  @Controller()
  class P100WebhooksConsumer {
    private readonly handlers: InboxHandlers;

    constructor(
      private readonly inbox: InboxConsumer,
      recorder: P100EventRecorder,
      @Optional() @Inject(P100_EVENT_EFFECT) effect?: P100EventEffectProvider,
    ) {
      this.handlers = p100WebhookHandlers(families, recorder, effect ? (payload, context) => effect.onP100Event(payload, context) : undefined);
    }

    // Awaited so that kafkajs commits the offset only after the inbox has settled the message.
    @EventPattern(topics)
    async consume(@Payload() value: unknown, @Ctx() context: KafkaContext): Promise<void> {
      await this.inbox.consume(toIncomingMessage(value, context), this.handlers);
    }
  }

  return P100WebhooksConsumer;
}
