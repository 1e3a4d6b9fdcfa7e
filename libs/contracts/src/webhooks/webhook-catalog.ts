/**
 * The 19 P100 webhook events (../shared/p100-api/webhooks.md): where P100 delivers each one on
 * our side, which Kafka family topic carries it, which payload field orders it (the message key),
 * and which fields identify one occurrence (the dedupe key). Paths P100 documents are used as
 * they are; the others follow the documented `/webhook/<event>/status` style (inferred) and are
 * configurable on P100's side at onboarding.
 */
export interface WebhookSpec {
  /** Stable name, also the Kafka message type `p100.webhook.<event>.v1`. */
  readonly event: string;
  readonly path: string;
  readonly family: 'user' | 'wallet' | 'transfer' | 'sepa' | 'crypto' | 'exchange' | 'card' | 'order';
  /** Payload fields tried in order for the Kafka message key. */
  readonly keyFields: readonly string[];
  /** Payload fields that identify one occurrence (object id + status, as P100 advises). */
  readonly dedupeFields: readonly string[];
  readonly documentedPath: boolean;
  /** The event exists to carry a one-time code for the card holder (3-D Secure, activation). */
  readonly oneTimeCode?: true;
}

const spec = (s: WebhookSpec): WebhookSpec => s;

export const WEBHOOK_CATALOG: readonly WebhookSpec[] = [
  spec({ event: 'user-status', path: '/webhook/user/status', family: 'user', keyFields: ['externalUserId'], dedupeFields: ['externalUserId', 'status'], documentedPath: true }),
  spec({ event: 'kyc-file-status', path: '/webhook/kyc-files/status', family: 'user', keyFields: ['externalUserId'], dedupeFields: ['externalUserId', 'status'], documentedPath: true }),
  spec({ event: 'poa-verification-status', path: '/webhook/poa-verification/status', family: 'user', keyFields: ['externalUserId'], dedupeFields: ['externalUserId', 'status'], documentedPath: true }),
  spec({ event: 'kyc-verification-status', path: '/webhook/kyc-verification/status', family: 'user', keyFields: ['externalUserId'], dedupeFields: ['externalUserId', 'verificationId', 'status'], documentedPath: false }),
  spec({ event: 'high-risk-kyc-verification', path: '/webhook/high-risk-kyc/status', family: 'user', keyFields: ['externalUserId'], dedupeFields: ['externalUserId', 'status'], documentedPath: false }),
  spec({ event: 'wallet-created', path: '/webhook/wallet/status', family: 'wallet', keyFields: ['currency'], dedupeFields: ['currency', 'network', 'wallet', 'status'], documentedPath: false }),
  spec({ event: 'internal-transfer', path: '/transfer-webhook', family: 'transfer', keyFields: ['id'], dedupeFields: ['id', 'status'], documentedPath: true }),
  spec({ event: 'iban-status', path: '/webhook/iban/status', family: 'sepa', keyFields: ['externalUserId', 'iban'], dedupeFields: ['externalUserId', 'iban', 'createdAt', 'status'], documentedPath: false }),
  spec({ event: 'partner-sepa-transfer', path: '/webhook/partner-sepa-transfer/status', family: 'sepa', keyFields: ['id'], dedupeFields: ['id', 'status'], documentedPath: false }),
  spec({ event: 'user-sepa-transfer', path: '/webhook/sepa-transfer/status', family: 'sepa', keyFields: ['id'], dedupeFields: ['id', 'status'], documentedPath: false }),
  spec({ event: 'sepa-deposit', path: '/webhook/sepa-deposit/status', family: 'sepa', keyFields: ['externalUserId', 'id'], dedupeFields: ['id', 'status'], documentedPath: false }),
  spec({ event: 'crypto-withdrawal', path: '/crypto-withdrawal-webhook', family: 'crypto', keyFields: ['id'], dedupeFields: ['id', 'status'], documentedPath: true }),
  spec({ event: 'crypto-deposit', path: '/webhook/crypto-deposit/status', family: 'crypto', keyFields: ['externalUserId', 'cryptoDepositId'], dedupeFields: ['cryptoDepositId', 'status'], documentedPath: false }),
  spec({ event: 'exchange', path: '/webhook/exchange/status', family: 'exchange', keyFields: ['exchangeId', 'id'], dedupeFields: ['exchangeId', 'id', 'status'], documentedPath: false }),
  spec({ event: 'card-transaction', path: '/webhook/card-transaction/status', family: 'card', keyFields: ['cardId'], dedupeFields: ['cardId', 'transactionId', 'createdAt', 'status'], documentedPath: false }),
  spec({ event: 'order-status', path: '/webhook/order/status', family: 'order', keyFields: ['orderId'], dedupeFields: ['orderId', 'status', 'confirmations'], documentedPath: false }),
  spec({ event: 'payment-link', path: '/webhook/payment-link/status', family: 'order', keyFields: ['paymentLinkId'], dedupeFields: ['paymentLinkId', 'status'], documentedPath: false }),
  spec({ event: 'card-3ds-code', path: '/webhook/card/3ds-code', family: 'card', keyFields: ['cardId'], dedupeFields: ['cardId', 'code'], documentedPath: false, oneTimeCode: true }),
  spec({ event: 'card-activation-code', path: '/webhook/card/activation-code', family: 'card', keyFields: ['cardId'], dedupeFields: ['cardId', 'code'], documentedPath: false, oneTimeCode: true }),
];

export const webhookTopic = (family: WebhookSpec['family']) => `p100.webhooks.${family}`;
export const webhookMessageType = (event: string) => `p100.webhook.${event}.v1`;

export function webhookSpecByEvent(event: string): WebhookSpec | undefined {
  return WEBHOOK_CATALOG.find((s) => s.event === event);
}
