import type { P100Send } from '../request';
import type {
  CryptoWithdrawalDetails,
  CryptoWithdrawalRequest,
  NetworkFee,
  NetworkFeeQuery,
  PartnerCryptoWithdrawalRequest,
  TravelRuleRequest,
  WithdrawalIdResponse,
} from '../types/crypto';

export class CryptoResource {
  constructor(private readonly send: P100Send) {}

  getNetworkFee(query: NetworkFeeQuery): Promise<NetworkFee> {
    return this.send({ operation: 'getNetworkFee', query: { ...query } });
  }

  createWithdrawal(input: CryptoWithdrawalRequest): Promise<WithdrawalIdResponse> {
    return this.send({ operation: 'createCryptoWithdrawal', body: input });
  }

  partnerCreateWithdrawal(input: PartnerCryptoWithdrawalRequest): Promise<WithdrawalIdResponse> {
    return this.send({ operation: 'partnerCreateCryptoWithdrawal', body: input });
  }

  getWithdrawalDetails(withdrawalId: string): Promise<CryptoWithdrawalDetails> {
    return this.send({ operation: 'getCryptoWithdrawalDetails', pathParams: { withdrawalId } });
  }

  /** Releases a deposit held in WAITING_FOR_TR_DATA. */
  updateTravelRule(input: TravelRuleRequest): Promise<unknown> {
    return this.send({ operation: 'updateTravelRule', body: input });
  }

  partnerUpdateTravelRule(input: TravelRuleRequest): Promise<unknown> {
    return this.send({ operation: 'partnerUpdateTravelRule', body: input });
  }
}
