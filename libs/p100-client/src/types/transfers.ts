import type { Decimal } from './common';

/** Exactly one of source (user → partner) or destination (partner → user), else P424. */
export type InternalTransferRequest =
  | { sourceExternalUserId: string; destinationExternalUserId?: never; amount: Decimal; currency: string }
  | { destinationExternalUserId: string; sourceExternalUserId?: never; amount: Decimal; currency: string };

export interface InternalTransferDetails {
  id: string;
  sourceExternalUserId: string | null;
  destinationExternalUserId: string | null;
  amount: Decimal;
  currency: string;
  status: string;
  createdAt: string;
  error?: { description?: string; status?: string } | null;
}

/** Body (inferred). */
export interface MasterBalanceTransferRequest {
  amount: Decimal;
  currency: string;
}
