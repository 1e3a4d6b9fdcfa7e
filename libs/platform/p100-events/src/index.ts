export { P100EventsModule } from './p100-events.module';
export type { P100EventsModuleOptions } from './p100-events.options';
export type { P100EventsModuleExtras } from './p100-events.module-definition';
export { createP100EventsMigration, type MigrationClass } from './create-p100-events.migration';
export { ListP100EventsQuery, listP100EventsType, type ListP100EventsInput, type RecordedP100Event } from './list-p100-events.query';
export type { P100Payload, P100PayloadRedactor } from './p100-payload';
export { createP100WebhooksConsumer, P100_EVENT_EFFECT, type P100EventEffectProvider } from './p100-webhooks.consumer';
export type { P100EventEffect } from './p100-webhook.handlers';
