/**
 * A user's onboarding state in the sandbox. P100 shows only part of it (balances, webhooks);
 * the names are the sandbox's own.
 */
export type UserStatus = 'WAITING_FOR_KYC' | 'KYC_PENDING' | 'ACTIVE' | 'REJECTED' | 'POA_REQUIRED';

export interface UserRow {
  id: string;
  external_user_id: string;
  email: string;
  phone: string;
  country: string;
  status: UserStatus;
  verification_attempts: number;
  poa_required_for_extended: boolean;
  suspended_at: Date | null;
  deleted_at: Date | null;
  created_at: Date;
}
