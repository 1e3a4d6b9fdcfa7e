import type { Decimal } from './common';

export interface NetworkFeeQuery {
  currency: string;
  /** Only `polygon`, only for usdc/usdt on Polygon. */
  network?: 'polygon';
}

export interface NetworkFee {
  networkFee: Decimal;
}

export interface PartnerCryptoWithdrawalRequest {
  currency: string;
  /** Written to P100 as a JSON number literal. */
  amount: Decimal;
  walletAddress: string;
  memo?: string;
  network?: string;
  /** Travel Rule name of the recipient. */
  name: string;
  walletType: 'CUSTODIAL' | 'NON_CUSTODIAL' | 'OTHER';
  receiverType: 'NATURAL' | 'LEGAL';
}

export interface CryptoWithdrawalRequest extends PartnerCryptoWithdrawalRequest {
  sourceExternalUserId: string;
}

export interface WithdrawalIdResponse {
  withdrawalId: string;
}

/** Schema not recovered: status, amounts, hash, user and error details. */
export type CryptoWithdrawalDetails = Record<string, unknown>;

/** Body (inferred). */
export interface TravelRuleRequest {
  cryptoDepositId: string;
  name?: string;
  walletType?: 'CUSTODIAL' | 'NON_CUSTODIAL' | 'OTHER';
  senderType?: 'NATURAL' | 'LEGAL';
  [field: string]: unknown;
}

/** Body and response (inferred). */
export interface CreateWalletRequest {
  currency: string;
  network?: string;
}
