import type { Decimal } from './common';

export type CardStatus = 'ACTIVE' | 'LOCKED_BY_USER' | 'BLOCKED' | 'SUSPENDED' | 'DELETED' | (string & {});

export interface CardRef {
  externalUserId: string;
  cardId: string;
}

export interface CreateCardRequest {
  externalUserId: string;
  /** 3-30 characters. */
  label: string;
  /** 4 digits. */
  pin: string;
}

export interface CardSecrets {
  cardId: string;
  cardNumber: string;
  cvv: string;
  /** e.g. 01/30 */
  exp: string;
}

export interface CardSummary {
  cardId: string;
  status: CardStatus;
  label: string;
  cardLastDigits: string;
}

export interface CardDetails {
  status: CardStatus;
  cardNumber: string;
  cvv: string;
  exp: string;
}

/** Written to P100 as JSON numbers. */
export interface CardLimits {
  dailyTrxAll?: Decimal;
  monthlyTrxAll?: Decimal;
  dailyTrxAtm?: Decimal;
  monthlyTrxAtm?: Decimal;
  dailyTrxEcom?: Decimal;
  monthlyTrxEcom?: Decimal;
}

export interface UpdateCardPinRequest extends CardRef {
  pin: string;
}

/** P100 answers card management calls with a small JSON message (client code). */
export type CardActionResult = Record<string, unknown> | undefined;
