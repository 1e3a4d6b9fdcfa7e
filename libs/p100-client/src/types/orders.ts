import type { Decimal } from './common';

export interface OrderLockRequest {
  currency: string;
  amount: Decimal;
  network: string;
}

/** Newest shape; older versions sent `cryptocurrency` and a numeric `rate`. */
export interface OrderLock {
  lockId: string;
  amount: Decimal;
  rate: Decimal;
  expiresAt: string;
  currency?: string;
  destinationCurrency?: string;
  cryptocurrency?: string;
  network: string;
}

export interface OrderIdResponse {
  orderId: string;
}

export interface OrderDetails {
  orderId: string;
  lockId: string;
  status: string;
  createdAt: string;
  expiresAt: string | null;
  confirmations: Decimal;
  requiredConfirmations: Decimal;
  receivedAmount: Decimal;
  totalAmountRequired: Decimal;
  cryptocurrency: string;
  walletAddress: string | null;
  transactionHash: string | null;
  network: string;
}

/** Body (inferred); settlement is always EUR to the partner balance. */
export interface PaymentLinkRequest {
  amount: Decimal;
  currency?: string;
  description?: string;
  redirectUrl?: string;
}

/** Shape (inferred). */
export interface PaymentLinkCreated {
  paymentLinkId: string;
  url: string;
}

/** Shape (inferred). */
export interface PaymentLinkDetails {
  paymentLinkId: string;
  status: string;
  amount: Decimal;
  currency: string;
  url?: string;
  createdAt?: string;
}
