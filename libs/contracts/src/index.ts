export { TOPIC_CATALOG, GATEWAY_MAX_REPLICAS, SECURE_CODE_RETENTION_MS, allTopicNames, type TopicSpec, type ProvisionedTopic } from './topics/topic-catalog';
export { MessageHeaders, type OutgoingMessage, type IncomingMessage } from './messages/headers';
export { DomainError } from './errors/domain-error';
export { ERROR_CODES, GRPC_STATUS, grpcStatusForCode, statusForCode, type ErrorCode, type GrpcStatusName } from './errors/error-codes';
export {
  commandEnvelopeSchema,
  commandReplySchema,
  type CommandEnvelope,
  type CommandReply,
  type CommandErrorBody,
} from './commands/command-envelope';
export * from './onboarding/onboarding-commands';
export * from './onboarding/onboarding-events';
export { ISO_COUNTRY_CODES } from './reference/countries';
export {
  WEBHOOK_CATALOG,
  webhookTopic,
  webhookMessageType,
  webhookSpecByEvent,
  type WebhookSpec,
} from './webhooks/webhook-catalog';
export { isJsonNumber, jsonNumber, parseJsonExact, stringifyJson, toPlainDecimal, type JsonNumber } from './json/exact-json';
export { EXTERNAL_JSON_LIMITS, JsonInputError, isStorableText, parseBoundedJson, unstorableFields, type JsonLimits } from './json/bounded-json';
export { PLATFORM_GRPC_PACKAGE, PLATFORM_PROTO_FILES, PROTO_ROOT } from './grpc/proto-files';
export type * as UsersProto from './grpc/generated/p100platform/v1/users';
export type * as PaymentsProto from './grpc/generated/p100platform/v1/payments';
export type * as ReconciliationProto from './grpc/generated/p100platform/v1/reconciliation';
export type * as PartnerAccountProto from './grpc/generated/p100platform/v1/partner';
export type * as CardsProto from './grpc/generated/p100platform/v1/cards';
export type * as ErrorsProto from './grpc/generated/p100platform/v1/errors';
export { CALLER_MARGIN_MS, HOP_MARGIN_MS, REPLY_MARGIN_MS, TIMEOUT_DEFAULTS, timeoutBudgetProblems } from './timeouts/timeout-budget';
export * from './payments/money';
export * from './payments/iban';
export * from './payments/crypto-networks';
export * from './payments/payments-commands';
export * from './payments/partner-payments-commands';
export * from './payments/payments-views';
export * from './payments/payments-events';
export { EVENT_CATALOG, eventJsonSchema, type EventSpec } from './events/event-catalog';
export { renderEventsDoc } from './events/events-doc';
export * from './payments/reconciliation';
export * from './payments/partner-account';
export * from './cards/cards-commands';
export * from './cards/cards-views';
export * from './cards/cards-events';
