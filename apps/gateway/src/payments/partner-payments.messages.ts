import type { CreateOrderInput, ExchangeRatesView, LedgerView, MovementView, OrderLockInput, OrderLockView, PartnerMovementRef, PaymentLinkInput, PaymentsProto } from '@platform/contracts';
import type { SameKeys, WithoutNulls } from '../grpc/message-types';

// Drift between PartnerPaymentsService (payments.proto) and the partner schemas fails the type
// check, as payments.messages.ts does for PaymentsService. GetOrderRatesRequest and
// GetPartnerLedgerRequest are empty: an empty strict object's keys are `string`, so SameKeys
// cannot compare them (proto-messages.spec.ts still does, field by field).
type Requests = [
  SameKeys<PaymentsProto.LockOrderRateRequest, OrderLockInput>,
  SameKeys<PaymentsProto.CreateOrderRequest, CreateOrderInput>,
  SameKeys<PaymentsProto.GeneratePaymentLinkRequest, PaymentLinkInput>,
  SameKeys<PaymentsProto.GenerateHostedCheckoutRequest, PaymentLinkInput>,
  SameKeys<PaymentsProto.GetPartnerMovementRequest, PartnerMovementRef>,
];

type Responses = [
  SameKeys<PaymentsProto.OrderLock, OrderLockView>,
  WithoutNulls<OrderLockView> extends PaymentsProto.OrderLock ? true : never,
  WithoutNulls<ExchangeRatesView> extends PaymentsProto.ExchangeRates ? true : never,
  WithoutNulls<MovementView> extends PaymentsProto.Movement ? true : never,
  WithoutNulls<LedgerView> extends PaymentsProto.Ledger ? true : never,
];

export const partnerPaymentRequestChecks: Requests = [true, true, true, true, true];
export const partnerPaymentResponseChecks: Responses = [true, true, true, true, true];
