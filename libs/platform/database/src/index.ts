export { createDataSource, type DataSourceOptions } from './data-source.factory';
export { SafeTypeOrmLogger, type LogSink } from './safe-typeorm-logger';
export { runMigrations } from './migrate';
export { CreateMessagingTables1763900000000 } from './migrations/create-messaging-tables.migration';
export { AddIntentSubject1764700000000 } from './migrations/add-intent-subject.migration';
export { enqueueEvent, type NewEvent, type Queryable } from './outbox/outbox';
export { OutboxRelay, type OutboxRelayOptions } from './outbox/outbox-relay';
export {
  InboxConsumer,
  type InboxHandler,
  type InboxHandlers,
  type InboxContext,
  type InboxOutcome,
  type InboxConsumerOptions,
} from './inbox/inbox-consumer';
export type { MessagePublisher } from './ports';
export { DatabaseModule, DATABASE_OPTIONS, type DatabaseModuleOptions } from './database.module';
export { IntentLog, hashRequest, type IntentOptions, type FailureKind, type FailureClassification } from './intents/intent-log';
export { IntentReconciler, type IntentReconcilerOptions, type IntentResolver, type OpenIntent, type Resolution } from './intents/intent-reconciler';
export { RunningIntentReconciler, type IntentReconcilerSettings } from './intents/running-intent-reconciler';
