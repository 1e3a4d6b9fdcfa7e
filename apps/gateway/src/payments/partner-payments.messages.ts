import type {
  CreateOrderInput,
  ExchangeLockView,
  ExchangeRatesView,
  LedgerView,
  MovementView,
  OrderLockInput,
  OrderLockView,
  PartnerCryptoWithdrawalInput,
  PartnerExecuteExchangeInput,
  PartnerMovementRef,
  PartnerSepaTransferInput,
  PartnerTravelRuleInput,
  PaymentLinkInput,
  PaymentsProto,
  SepaContactsView,
  SepaDepositInfoView,
} from '@platform/contracts';
import type { SameKeys, WithoutNulls } from '../grpc/message-types';

// Drift between PartnerPaymentsService (payments.proto) and the partner schemas fails the type
// check, as payments.messages.ts does for PaymentsService. GetOrderRatesRequest,
// GetPartnerLedgerRequest and the other partner reads (exchange rates and lock, SEPA deposit info
// and contacts) are empty: an empty strict object's keys are `string`, so SameKeys
// cannot compare them (proto-messages.spec.ts still does, field by field).
type Requests = [
  SameKeys<PaymentsProto.LockOrderRateRequest, OrderLockInput>,
  SameKeys<PaymentsProto.CreateOrderRequest, CreateOrderInput>,
  SameKeys<PaymentsProto.GeneratePaymentLinkRequest, PaymentLinkInput>,
  SameKeys<PaymentsProto.GenerateHostedCheckoutRequest, PaymentLinkInput>,
  SameKeys<PaymentsProto.GetPartnerMovementRequest, PartnerMovementRef>,
  SameKeys<PaymentsProto.ExecutePartnerExchangeRequest, PartnerExecuteExchangeInput>,
  SameKeys<PaymentsProto.SendPartnerSepaTransferRequest, PartnerSepaTransferInput>,
  SameKeys<PaymentsProto.WithdrawPartnerCryptoRequest, PartnerCryptoWithdrawalInput>,
  SameKeys<PaymentsProto.SubmitPartnerTravelRuleRequest, PartnerTravelRuleInput>,
];

type Responses = [
  SameKeys<PaymentsProto.OrderLock, OrderLockView>,
  WithoutNulls<OrderLockView> extends PaymentsProto.OrderLock ? true : never,
  WithoutNulls<ExchangeRatesView> extends PaymentsProto.ExchangeRates ? true : never,
  WithoutNulls<MovementView> extends PaymentsProto.Movement ? true : never,
  WithoutNulls<LedgerView> extends PaymentsProto.Ledger ? true : never,
  WithoutNulls<ExchangeLockView> extends PaymentsProto.ExchangeLock ? true : never,
  WithoutNulls<SepaDepositInfoView> extends PaymentsProto.SepaDepositInfo ? true : never,
  WithoutNulls<SepaContactsView> extends PaymentsProto.SepaContacts ? true : never,
];

export const partnerPaymentRequestChecks: Requests = [true, true, true, true, true, true, true, true, true];
export const partnerPaymentResponseChecks: Responses = [true, true, true, true, true, true, true, true];
