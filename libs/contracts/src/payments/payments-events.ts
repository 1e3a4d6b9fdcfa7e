import { movementViewSchema, type MovementKind, type MovementStatus } from './payments-views';

export const PAYMENTS_EVENTS_TOPIC = 'payments.events';

const event = (type: string, description: string) => ({ type, schema: movementViewSchema, description });

/**
 * Settlement events on `payments.events`. Every payload is the movement as it is after the change
 * (MovementView: amounts as decimal strings). Key: the user's externalUserId, so one consumer sees
 * a user's movements in order; the partner's own movements are keyed by movement id.
 */
export const PaymentsEvents = {
  exchangeCompleted: event('payments.exchange.completed.v1', 'An exchange settled: amountTo (after fee) credited in currencyTo.'),
  exchangeFailed: event('payments.exchange.failed.v1', 'An exchange P100 accepted but did not carry out (failureReason: P100\'s, e.g. insufficient funds).'),
  transferCompleted: event('payments.transfer.completed.v1', 'An internal transfer (kind transfer-to-partner or transfer-from-partner) settled.'),
  transferFailed: event('payments.transfer.failed.v1', 'An internal transfer failed at P100 (failureReason).'),
  sepaTransferCompleted: event('payments.sepa-transfer.completed.v1', 'An outgoing SEPA transfer was sent; fee known.'),
  sepaTransferFailed: event('payments.sepa-transfer.failed.v1', 'An outgoing SEPA transfer failed (e.g. destination not allowed, insufficient funds).'),
  sepaDepositReceived: event('payments.sepa-deposit.received.v1', 'An incoming SEPA transfer passed the name check and was credited.'),
  sepaDepositRejected: event('payments.sepa-deposit.rejected.v1', 'An incoming SEPA transfer was refused (name mismatch) and is refunded to the sender.'),
  cryptoWithdrawalCompleted: event('payments.crypto-withdrawal.completed.v1', 'A crypto withdrawal is on chain (transactionHash); fee = service fee + network fee.'),
  cryptoWithdrawalFailed: event('payments.crypto-withdrawal.failed.v1', 'A crypto withdrawal failed at P100 (failureReason).'),
  cryptoDepositTravelRuleRequired: event('payments.crypto-deposit.travel-rule-required.v1', 'P100 holds an incoming crypto deposit until the sender\'s travel-rule data is submitted.'),
  cryptoDepositReceived: event('payments.crypto-deposit.received.v1', 'An incoming crypto deposit was credited.'),
  cryptoDepositRejected: event('payments.crypto-deposit.rejected.v1', 'An incoming crypto deposit was refused (UNSUCCESSFUL at P100).'),
  orderCompleted: event('payments.order.completed.v1', 'A partner order was paid in full and converted: amountTo EUR credited to the partner (externalUserId null).'),
  orderFailed: event('payments.order.failed.v1', 'A partner order ended unpaid: failureCode UNDERPAID (less than amount arrived) or EXPIRED (nothing before the window closed), with P100\'s figures in failureReason.'),
  paymentLinkPaid: event('payments.payment-link.paid.v1', 'A payment link or hosted checkout was paid: amount EUR credited to the partner (externalUserId null).'),
  paymentLinkExpired: event('payments.payment-link.expired.v1', 'A payment link or hosted checkout expired unpaid (failureCode EXPIRED).'),
} as const;

export type PaymentsEventName = keyof typeof PaymentsEvents;

const SETTLEMENT_EVENTS: Partial<Record<MovementKind, Partial<Record<MovementStatus, PaymentsEventName>>>> = {
  exchange: { COMPLETED: 'exchangeCompleted', FAILED: 'exchangeFailed' },
  'transfer-to-partner': { COMPLETED: 'transferCompleted', FAILED: 'transferFailed' },
  'transfer-from-partner': { COMPLETED: 'transferCompleted', FAILED: 'transferFailed' },
  'sepa-transfer': { COMPLETED: 'sepaTransferCompleted', FAILED: 'sepaTransferFailed' },
  'sepa-deposit': { COMPLETED: 'sepaDepositReceived', FAILED: 'sepaDepositRejected' },
  'crypto-withdrawal': { COMPLETED: 'cryptoWithdrawalCompleted', FAILED: 'cryptoWithdrawalFailed' },
  'crypto-deposit': { HELD: 'cryptoDepositTravelRuleRequired', COMPLETED: 'cryptoDepositReceived', FAILED: 'cryptoDepositRejected' },
  order: { COMPLETED: 'orderCompleted', FAILED: 'orderFailed' },
  'payment-link': { COMPLETED: 'paymentLinkPaid', FAILED: 'paymentLinkExpired' },
};

/** The event a movement entering `status` publishes, if any (most intermediate steps publish none). */
export function settlementEventType(kind: MovementKind, status: MovementStatus): string | undefined {
  const name = SETTLEMENT_EVENTS[kind]?.[status];
  return name ? PaymentsEvents[name].type : undefined;
}
