export { P100Client } from './client';
export {
  P100_BASE_URLS,
  P100_DEFAULTS,
  P100ConfigError,
  p100ConfigFromEnv,
  resolveP100Config,
  type P100BreakerOptions,
  type P100ClientConfig,
  type P100Environment,
  type P100RetryOptions,
} from './config';
export * from './errors';
export { isJsonNumber, jsonNumber, parseJsonExact, stringifyJson, type JsonNumber } from './json';
export {
  ENDPOINT_GROUPS,
  OPERATIONS,
  OPERATION_NAMES,
  type EndpointGroup,
  type HttpMethod,
  type OperationName,
  type OperationSpec,
} from './operations';
export { createSender, type P100ClientDeps, type P100Request, type P100Send, type P100Sender } from './request';
export type { BreakerState } from './breakers';
export { createUndiciTransport, fetchTransport, type HttpTransport, type TransportRequest, type TransportResponse } from './transport';
export { UPLOAD_LIMITS, type UploadFile } from './multipart';
export { WebhookTokenVerifier, type WebhookSecrets } from './webhooks/verifier';
export * from './webhooks/payloads';
export {
  P100_WEBHOOK_SCHEMAS,
  webhookSchemaFor,
  type P100WebhookEvent,
  type P100WebhookPayload,
} from './webhooks/webhook-schemas';
export type * from './types/common';
export type * from './types/balances';
export type * from './types/users';
export type * from './types/kyc';
export type * from './types/exchange';
export type * from './types/sepa';
export type * from './types/crypto';
export type * from './types/transfers';
export type * from './types/cards';
export type * from './types/orders';
export type { UsersResource } from './resources/users';
export type { KycResource } from './resources/kyc';
export type { PartnerResource } from './resources/partner';
export type { ExchangeResource } from './resources/exchange';
export type { SepaResource } from './resources/sepa';
export type { CryptoResource } from './resources/crypto';
export type { TransfersResource } from './resources/transfers';
export type { CardsResource } from './resources/cards';
export type { OrdersResource } from './resources/orders';
export { classifyP100Failure, p100ErrorToReply, type P100FailureClassification } from './p100-failures';
