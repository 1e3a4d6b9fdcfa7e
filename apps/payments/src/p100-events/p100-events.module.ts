import { Module } from '@nestjs/common';
import { ListP100EventsQuery } from './list-p100-events.query';
import { P100EventRecorder } from './p100-event.recorder';
import { PaymentsWebhooksConsumer } from './payments-webhooks.consumer';

/** Receives P100 webhook events for payments and keeps them until their domain logic exists. */
@Module({
  controllers: [PaymentsWebhooksConsumer],
  providers: [P100EventRecorder, ListP100EventsQuery],
  exports: [ListP100EventsQuery],
})
export class P100EventsModule {}
