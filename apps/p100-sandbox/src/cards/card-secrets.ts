import { createHash, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

const scryptAsync = promisify(scrypt) as (password: string, salt: Buffer, keylen: number) => Promise<Buffer>;

/** Test card range: a 400000 prefix no real issuer uses for live cards in the sandbox's world. */
const SANDBOX_BIN = '400000';

/**
 * The card number, derived from the card id whenever it is shown (sandbox-only: a real issuer
 * keeps PANs in a vault). Storing nothing means nothing can leak from the database; callers must
 * never log the result.
 */
export function cardNumberOf(cardId: string): string {
  const body = SANDBOX_BIN + digitsFrom(`sandbox-pan:${cardId}`, 9);
  return body + luhnCheckDigit(body);
}

export function cvvOf(cardId: string): string {
  return digitsFrom(`sandbox-cvv:${cardId}`, 3);
}

export function last4Of(cardId: string): string {
  return cardNumberOf(cardId).slice(-4);
}

/** scrypt with a random salt, stored as `scrypt:<salt hex>:<hash hex>`. */
export async function hashPin(pin: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await scryptAsync(pin, salt, 32);
  return `scrypt:${salt.toString('hex')}:${hash.toString('hex')}`;
}

export async function pinMatches(pin: string, stored: string): Promise<boolean> {
  const [, saltHex, hashHex] = stored.split(':');
  if (!saltHex || !hashHex) return false;
  const hash = await scryptAsync(pin, Buffer.from(saltHex, 'hex'), 32);
  return timingSafeEqual(hash, Buffer.from(hashHex, 'hex'));
}

function digitsFrom(seed: string, count: number): string {
  const value = BigInt(`0x${createHash('sha256').update(seed).digest('hex')}`);
  return (value % 10n ** BigInt(count)).toString().padStart(count, '0');
}

function luhnCheckDigit(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i += 1) {
    let digit = body.charCodeAt(body.length - 1 - i) - 48;
    if (i % 2 === 0) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return String((10 - (sum % 10)) % 10);
}
