import { IBAN_COUNTRIES } from '../users/country-rules';

/**
 * Countries whose residents may hold a virtual card. P100's list (Supported Countries page) was
 * not retrieved; the sandbox uses the IBAN-issuing countries, P100's European footprint (inferred).
 * Residents elsewhere get P451 forbidden-country-card.
 */
export const CARD_COUNTRIES: ReadonlySet<string> = IBAN_COUNTRIES;

/** reference.md › Card limits: counts P100 enforces per user. */
export const CARD_COUNT_LIMITS = {
  /** ACTIVE or locked/blocked cards at once. */
  maxHeld: 10,
  createdPerDay: 5,
  createdPer30Days: 10,
  createdPerYear: 20,
} as const;
