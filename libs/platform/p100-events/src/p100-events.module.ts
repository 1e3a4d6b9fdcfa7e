import { Module } from '@nestjs/common';
import { ListP100EventsQuery } from './list-p100-events.query';
import { P100EventRecorder } from './p100-event.recorder';
import { ConfigurableModuleClass } from './p100-events.module-definition';

/**
 * Keeps every P100 webhook event of the given families in the service's `p100_events` table
 * (migration: createP100EventsMigration) until its domain logic exists, and lists them for
 * operators through ListP100EventsQuery, which the service wires into its commands controller.
 * Needs the service's DatabaseModule and MessagingModule (DataSource, InboxConsumer).
 *
 *   P100EventsModule.forRoot({ families: ['card'], includePayloads: false, redact: redactCardSecrets })
 */
@Module({
  providers: [P100EventRecorder, ListP100EventsQuery],
  exports: [ListP100EventsQuery, P100EventRecorder],
})
export class P100EventsModule extends ConfigurableModuleClass {}
