import { Module } from '@nestjs/common';
import { CardsWebhooksConsumer } from './cards-webhooks.consumer';
import { ListP100EventsQuery } from './list-p100-events.query';
import { P100EventRecorder } from './p100-event.recorder';

/** Receives P100 card webhook events and keeps them until their domain logic exists. */
@Module({
  controllers: [CardsWebhooksConsumer],
  providers: [P100EventRecorder, ListP100EventsQuery],
  exports: [ListP100EventsQuery],
})
export class P100EventsModule {}
