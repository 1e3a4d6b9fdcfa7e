/**
 * Typed bodies of the 19 P100 webhooks (webhooks.md, openapi.yaml `webhooks:`), one file per
 * event group. Numbers arrive as decimal strings (exact decoding, see webhook-fields.ts).
 */
export { decimalIntegerString, decimalString } from './webhook-fields';
export * from './user-kyc.payloads';
export * from './transfer.payloads';
export * from './crypto.payloads';
export * from './exchange-order.payloads';
export * from './card.payloads';
