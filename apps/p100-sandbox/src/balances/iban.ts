import { randomInt } from 'node:crypto';

/** P100's IBANs are Lithuanian (the docs' example is LT683130019950000568). */
const COUNTRY = 'LT';
const BANK_CODE = '31300';

/** A random, checksum-valid Lithuanian IBAN: LT + 2 check digits + 5-digit bank code + 11-digit account. */
export function generateIban(): string {
  const account = Array.from({ length: 11 }, () => randomInt(10)).join('');
  const bban = BANK_CODE + account;
  return `${COUNTRY}${checkDigits(COUNTRY, bban)}${bban}`;
}

/** ISO 13616 check digits: 98 - (BBAN + country letters as numbers + "00") mod 97. */
export function checkDigits(country: string, bban: string): string {
  const numeric = (bban + country + '00').replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  return String(98 - Number(BigInt(numeric) % 97n)).padStart(2, '0');
}

export function isValidIban(iban: string): boolean {
  const rearranged = (iban.slice(4) + iban.slice(0, 4)).replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  return /^[A-Z]{2}\d{2}[A-Z0-9]+$/.test(iban) && BigInt(rearranged) % 97n === 1n;
}
