import type {
  CryptoWithdrawalInput,
  ExchangeLockView,
  ExchangeRatesView,
  ExecuteExchangeInput,
  InternalTransferInput,
  LedgerView,
  MovementRef,
  MovementView,
  NetworkFeeQuery,
  NetworkFeeView,
  PaymentsProto,
  SepaContactsView,
  SepaDepositInfoView,
  SepaTransferInput,
  TravelRuleInput,
  UserPaymentsRef,
} from '@platform/contracts';
import type { SameKeys, WithoutNulls } from '../grpc/message-types';

// Drift between payments.proto and the payments schemas fails the type check, not a caller:
// every request message has its operation's input fields, and every answer fits its message
// (nullable fields are proto3 `optional`, absent on the wire).
type Requests = [
  SameKeys<PaymentsProto.GetExchangeRatesRequest, UserPaymentsRef>,
  SameKeys<PaymentsProto.LockExchangeRateRequest, UserPaymentsRef>,
  SameKeys<PaymentsProto.ExecuteExchangeRequest, ExecuteExchangeInput>,
  SameKeys<PaymentsProto.TransferToPartnerRequest, InternalTransferInput>,
  SameKeys<PaymentsProto.TransferFromPartnerRequest, InternalTransferInput>,
  SameKeys<PaymentsProto.GetSepaDepositInfoRequest, UserPaymentsRef>,
  SameKeys<PaymentsProto.GetSepaContactsRequest, UserPaymentsRef>,
  SameKeys<PaymentsProto.SendSepaTransferRequest, SepaTransferInput>,
  SameKeys<PaymentsProto.GetNetworkFeeRequest, NetworkFeeQuery>,
  SameKeys<PaymentsProto.WithdrawCryptoRequest, CryptoWithdrawalInput>,
  SameKeys<PaymentsProto.SubmitTravelRuleRequest, TravelRuleInput>,
  SameKeys<PaymentsProto.GetMovementRequest, MovementRef>,
  SameKeys<PaymentsProto.GetLedgerRequest, UserPaymentsRef>,
];

type Responses = [
  SameKeys<PaymentsProto.ExchangeRates, ExchangeRatesView>,
  SameKeys<PaymentsProto.Rate, ExchangeRatesView['rates'][number]>,
  SameKeys<PaymentsProto.ExchangeLock, ExchangeLockView>,
  SameKeys<PaymentsProto.Movement, MovementView>,
  SameKeys<PaymentsProto.SepaDepositInfo, SepaDepositInfoView>,
  SameKeys<PaymentsProto.SepaContacts, SepaContactsView>,
  SameKeys<PaymentsProto.SepaContact, SepaContactsView['contacts'][number]>,
  SameKeys<PaymentsProto.NetworkFee, NetworkFeeView>,
  SameKeys<PaymentsProto.Ledger, LedgerView>,
  SameKeys<PaymentsProto.LedgerBalance, LedgerView['balances'][number]>,
  WithoutNulls<ExchangeRatesView> extends PaymentsProto.ExchangeRates ? true : never,
  WithoutNulls<ExchangeLockView> extends PaymentsProto.ExchangeLock ? true : never,
  WithoutNulls<MovementView> extends PaymentsProto.Movement ? true : never,
  WithoutNulls<SepaDepositInfoView> extends PaymentsProto.SepaDepositInfo ? true : never,
  WithoutNulls<SepaContactsView> extends PaymentsProto.SepaContacts ? true : never,
  WithoutNulls<NetworkFeeView> extends PaymentsProto.NetworkFee ? true : never,
  WithoutNulls<LedgerView> extends PaymentsProto.Ledger ? true : never,
];

export const paymentRequestChecks: Requests = [true, true, true, true, true, true, true, true, true, true, true, true, true];
export const paymentResponseChecks: Responses = [true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true];
