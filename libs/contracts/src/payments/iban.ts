import { z } from 'zod';

/** IBAN lengths per country (ISO 13616 registry) for the SEPA area; others are refused. */
const IBAN_LENGTHS: Readonly<Record<string, number>> = {
  AD: 24, AT: 20, BE: 16, BG: 22, CH: 21, CY: 28, CZ: 24, DE: 22, DK: 18, EE: 20, ES: 24, FI: 18, FR: 27,
  GB: 22, GI: 23, GR: 27, HR: 21, HU: 28, IE: 22, IS: 26, IT: 27, LI: 21, LT: 20, LU: 20, LV: 21, MC: 27,
  MT: 31, NL: 18, NO: 15, PL: 28, PT: 25, RO: 24, SE: 24, SI: 19, SK: 24, SM: 27, VA: 22,
};

/** ISO 7064 mod 97-10 over the rearranged IBAN, in chunks so no number exceeds 2^53. */
export function ibanChecksumValid(iban: string): boolean {
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const char of rearranged) {
    const digits = /\d/.test(char) ? char : String(char.charCodeAt(0) - 55);
    for (const digit of digits) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder === 1;
}

export function ibanProblem(iban: string): string | null {
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/.test(iban)) return 'must be an IBAN: country code, check digits, then letters and digits';
  const expected = IBAN_LENGTHS[iban.slice(0, 2)];
  if (expected === undefined) return `${iban.slice(0, 2)} is not a SEPA country`;
  if (iban.length !== expected) return `a ${iban.slice(0, 2)} IBAN has ${expected} characters`;
  if (!ibanChecksumValid(iban)) return 'check digits do not match (mistyped IBAN?)';
  return null;
}

/** An IBAN as people write it (spaces, lower case) normalised, then checked with its checksum. */
export const ibanSchema = z
  .string()
  .max(42)
  .transform((v) => v.replace(/\s+/g, '').toUpperCase())
  .superRefine((iban, ctx) => {
    const problem = ibanProblem(iban);
    if (problem) ctx.addIssue({ code: 'custom', message: `INVALID_IBAN: ${problem}` });
  });
