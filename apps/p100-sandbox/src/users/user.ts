/**
 * A user's onboarding state in the sandbox. P100 shows only part of it (balances, webhooks);
 * the names are the sandbox's own.
 */
export type UserStatus = 'WAITING_FOR_KYC' | 'KYC_PENDING' | 'ACTIVE' | 'REJECTED' | 'POA_REQUIRED';

export interface UserRow {
  id: string;
  external_user_id: string;
  email: string;
  /** Null only for users of the legacy non-KYC model, created without a phone. */
  phone: string | null;
  country: string;
  status: UserStatus;
  verification_attempts: number;
  poa_required_for_extended: boolean;
  /** 'non_kyc': the legacy model (crypto + eur balances at creation, never cards, never upgraded). */
  kyc_model: 'kyc' | 'non_kyc';
  /** Set by Extend user; cards need it when POA is required for the extended level. */
  extended_at: Date | null;
  suspended_at: Date | null;
  deleted_at: Date | null;
  created_at: Date;
}
