export type DocumentType = 'ID_CARD' | 'PASSPORT' | 'RESIDENCE_PERMIT' | 'DRIVER_LICENSE';
export type IncomeSource = 'BUSINESS_ACTIVITY' | 'SALARY' | 'OTHER' | 'MAINTAINED_BY_FAMILY' | 'INVESTMENTS' | 'SOCIAL_BENEFITS' | 'TENANCY';
export type OpenAccountReason =
  | 'INVESTMENTS_OR_CRYPTOCURRENCIES'
  | 'INVESTMENTS_OR_CRYPTOCURRENCIE'
  | 'CURRENCY_EXCHANGE'
  | 'DAILY_USE'
  | 'GAMING_OR_GAMBLING'
  | 'TRANSFER_OF_FUNDS_OUTSIDE_OF_EUROPE';

export interface CreateKycVerificationRequest {
  externalUserId: string;
  documentType: DocumentType;
  country: string;
  incomeSource: IncomeSource;
  openAccountReason: OpenAccountReason;
  /** Required when incomeSource is BUSINESS_ACTIVITY. */
  taxId?: string;
  /** Required when incomeSource is SALARY (e.g. `IT`). */
  occupation?: string;
  additionalInfo?: string;
}

export interface CreateKycVerificationResponse {
  verificationId: string;
}

/** Response schema not recovered from the docs. */
export type KycStatus = Record<string, unknown>;
