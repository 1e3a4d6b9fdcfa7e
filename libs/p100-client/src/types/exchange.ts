import type { Decimal } from './common';

/** Currency slug → rate in EUR (eur = 1). */
export type RateMap = Record<string, Decimal>;

export interface ExchangeLock {
  /** Pass as `lockId`. Valid until `validUntil` (60 s in current docs, 40 s in the oldest). */
  id: string;
  rates: RateMap;
  feePercentage: Decimal;
  createdAt: string;
  validUntil: string;
}

export interface PartnerExchangeRequest {
  /** Written to P100 as a JSON number literal, without passing through a float. */
  amount: Decimal;
  currencyFrom: string;
  currencyTo: string;
  lockId: string;
}

export interface UserExchangeRequest extends PartnerExchangeRequest {
  sourceExternalUserId: string;
}

export interface ExchangeIdResponse {
  exchangeId: string;
}

/** Response fields not recovered (amounts, currencies, rate, status, timestamps). */
export interface ExchangeDetails {
  status?: string;
  [field: string]: unknown;
}
