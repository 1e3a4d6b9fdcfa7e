import type { Decimal } from './common';

export interface SepaDepositInfo {
  /** Reference that must be copied verbatim into the bank transfer's title. */
  title: string;
  iban: string;
  swift: string;
  accountHolder: string;
  address: string;
}

/** Shape (inferred). */
export interface SepaContactList {
  contacts: Array<{ iban: string; name?: string; createdAt?: string }>;
}

/** Level 1 sends only the first four fields; Level 2 (legacy partners) adds the receiver. */
export interface PartnerSepaTransferRequest {
  amount: Decimal;
  currency: string;
  destinationIban: string;
  transferTitle: string;
  receiverType?: 'NATURAL' | 'LEGAL';
  receiverFirstName?: string;
  receiverLastName?: string;
  companyName?: string;
}

export interface UserSepaTransferRequest extends PartnerSepaTransferRequest {
  sourceExternalUserId: string;
}

export interface SepaTransferDetails {
  id: string;
  type: string;
  amount: Decimal;
  transferTitle: string;
  destinationIban: string;
  receiverFirstName: string | null;
  receiverLastName: string | null;
  status: string;
  currency: string;
  fee: Decimal;
  createdAt: string;
  user?: Record<string, unknown>;
}
