import type { CryptoBalance } from './balances';

/** Newest field set of Create User Account. Required flags beyond the four noted are (inferred). */
export interface CreateUserRequest {
  externalUserId: string;
  email: string;
  /** Digits with country prefix, no `+`, e.g. 48601234567. */
  phone: string;
  firstName: string;
  lastName: string;
  street: string;
  number: string;
  city: string;
  postCode: string;
  /** ISO 3166-1 alpha-2, country of residence. */
  country: string;
  citizenship: string;
  nationality: string;
  birthCountry: string;
  /** YYYY-MM-DD */
  birthDate: string;
  userIdentificationNumber?: string;
  hasAcceptedP100Tc: true;
}

export interface CreateUserResponse {
  userId: string;
  poaRequiredForExtended?: boolean;
  [field: string]: unknown;
}

export interface NonKycCreateUserRequest {
  externalUserId: string;
  email?: string;
  firstName?: string;
  lastName?: string;
  address?: string;
  city?: string;
  country?: string;
  documentType?: 'PASSPORT' | 'ID_CARD' | 'RESIDENCE_PERMIT';
  documentNumber?: string;
  pesel?: string;
  birthCountry?: string;
  birthDate?: string;
}

export interface NonKycCreateUserResponse {
  userId: string;
  balances: CryptoBalance[];
}

/** Body not recovered from the docs: `externalUserId` at minimum (inferred). */
export interface AddUserVerificationRequest {
  externalUserId: string;
  [field: string]: unknown;
}

/** Partial update; country of residence and KYC identity data cannot change. */
export interface UpdateUserRequest {
  email?: string;
  phone?: string;
  street?: string;
  number?: string;
  city?: string;
  postCode?: string;
}
