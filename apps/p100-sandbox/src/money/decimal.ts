/**
 * Exact decimal arithmetic on strings, through bigint. Amounts never pass through a JS number:
 * a value is a scaled integer (`units` × 10^-`scale`), and every result is written back as a
 * plain decimal string without an exponent.
 */

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

interface Scaled {
  units: bigint;
  scale: number;
}

export type RoundingMode = 'down' | 'up' | 'half-up';

export function isDecimal(value: string): boolean {
  return typeof value === 'string' && DECIMAL.test(value);
}

/**
 * A non-negative decimal with at most `maxDecimals` fraction digits, normalised (`007.50` →
 * `7.5`), or undefined when the text is not one. No exponent, no sign, no spaces.
 */
export function parseAmount(value: unknown, maxDecimals: number): string | undefined {
  if (typeof value !== 'string') return undefined;
  const match = DECIMAL.exec(value);
  if (!match || match[1] === '-') return undefined;
  if ((match[3] ?? '').replace(/0+$/, '').length > maxDecimals) return undefined;
  return normalize(value);
}

/** Number of fraction digits after dropping trailing zeros. */
export function decimalPlaces(value: string): number {
  return normalize(value).split('.')[1]?.length ?? 0;
}

export function normalize(value: string): string {
  return format(toScaled(value));
}

export function add(a: string, b: string): string {
  const [x, y, scale] = align(a, b);
  return format({ units: x + y, scale });
}

export function sub(a: string, b: string): string {
  const [x, y, scale] = align(a, b);
  return format({ units: x - y, scale });
}

export function mul(a: string, b: string): string {
  const x = toScaled(a);
  const y = toScaled(b);
  return format({ units: x.units * y.units, scale: x.scale + y.scale });
}

/** a × b rounded to `decimals` fraction digits. */
export function mulRound(a: string, b: string, decimals: number, mode: RoundingMode): string {
  return round(mul(a, b), decimals, mode);
}

/** a ÷ b rounded to `decimals` fraction digits (b must not be zero). */
export function divRound(a: string, b: string, decimals: number, mode: RoundingMode): string {
  const x = toScaled(a);
  const y = toScaled(b);
  if (y.units === 0n) throw new RangeError('Division by zero');
  // a/b = (xu / 10^xs) / (yu / 10^ys); scale the numerator so the quotient has `decimals` digits.
  const numerator = x.units * 10n ** BigInt(decimals + y.scale);
  const denominator = y.units * 10n ** BigInt(x.scale);
  return format({ units: divide(numerator, denominator, mode), scale: decimals });
}

export function round(value: string, decimals: number, mode: RoundingMode): string {
  const v = toScaled(value);
  if (v.scale <= decimals) return format(v);
  return format({ units: divide(v.units, 10n ** BigInt(v.scale - decimals), mode), scale: decimals });
}

/** -1, 0 or 1. */
export function compare(a: string, b: string): -1 | 0 | 1 {
  const [x, y] = align(a, b);
  return x < y ? -1 : x > y ? 1 : 0;
}

export function isPositive(value: string): boolean {
  return toScaled(value).units > 0n;
}

export function isZero(value: string): boolean {
  return toScaled(value).units === 0n;
}

export function min(a: string, b: string): string {
  return compare(a, b) <= 0 ? normalize(a) : normalize(b);
}

export function max(a: string, b: string): string {
  return compare(a, b) >= 0 ? normalize(a) : normalize(b);
}

/** Fixed number of fraction digits (pads with zeros, rounds down beyond): balance strings. */
export function toFixed(value: string, decimals: number): string {
  const v = toScaled(round(value, decimals, 'down'));
  const padded = v.units * 10n ** BigInt(decimals - v.scale);
  const negative = padded < 0n;
  const digits = (negative ? -padded : padded).toString().padStart(decimals + 1, '0');
  const text = decimals === 0 ? digits : `${digits.slice(0, -decimals)}.${digits.slice(-decimals)}`;
  return negative ? `-${text}` : text;
}

function toScaled(value: string): Scaled {
  const match = DECIMAL.exec(value);
  if (!match) throw new TypeError(`Not a decimal: ${JSON.stringify(value)}`);
  const [, sign, int, frac = ''] = match;
  const units = BigInt(int + frac);
  return { units: sign === '-' ? -units : units, scale: frac.length };
}

function align(a: string, b: string): [bigint, bigint, number] {
  const x = toScaled(a);
  const y = toScaled(b);
  const scale = Math.max(x.scale, y.scale);
  return [x.units * 10n ** BigInt(scale - x.scale), y.units * 10n ** BigInt(scale - y.scale), scale];
}

/** Integer division of n by a positive or negative d, rounded by `mode` (away from zero for 'up'). */
function divide(n: bigint, d: bigint, mode: RoundingMode): bigint {
  const negative = n < 0n !== d < 0n;
  const an = n < 0n ? -n : n;
  const ad = d < 0n ? -d : d;
  let q = an / ad;
  const r = an % ad;
  if (r !== 0n && (mode === 'up' || (mode === 'half-up' && r * 2n >= ad))) q += 1n;
  return negative ? -q : q;
}

function format({ units, scale }: Scaled): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(scale + 1, '0');
  const text = scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
  const trimmed = stripTrailingZeros(text);
  return negative && trimmed !== '0' ? `-${trimmed}` : trimmed;
}

function stripTrailingZeros(text: string): string {
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}
