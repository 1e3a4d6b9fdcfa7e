import { CARD_LIMIT_FIELDS, DomainError, type CardLimitField, type CardLimits, type CardLimitsView } from '@platform/contracts';
import type { CardLimits as P100CardLimits } from '@platform/p100-client';
import { limitMaximumVariable } from '../cards.config';

/**
 * Limits are EUR amounts as decimal strings from edge to P100 and back: compared here as scaled
 * integers (BigInt), never as floats, so "10000.01" is above "10000" however many digits follow.
 */
export function compareDecimals(a: string, b: string): -1 | 0 | 1 {
  const [ai, af] = splitDecimal(a);
  const [bi, bf] = splitDecimal(b);
  const scale = Math.max(af.length, bf.length);
  const x = BigInt(ai + af.padEnd(scale, '0'));
  const y = BigInt(bi + bf.padEnd(scale, '0'));
  return x === y ? 0 : x < y ? -1 : 1;
}

/**
 * A limit as it is shown: an EUR amount with its two decimals, whoever wrote it ("150.5" from
 * P100's JSON number and "150.50" from a caller are the same "150.50"; "2000" is "2000.00").
 * Digits past the second decimal stay when they are not zeros: nothing is rounded away.
 */
export function limitText(value: string): string {
  const [int, frac] = splitDecimal(value);
  const whole = int.replace(/^0+(?=\d)/, '');
  const fraction = frac.length <= 2 ? frac.padEnd(2, '0') : frac.slice(0, 2) + frac.slice(2).replace(/0+$/, '');
  return `${whole}.${fraction}`;
}

/**
 * Refuses the first given limit above its configured maximum, before P100 is called: P100 does
 * not document its maxima, and a limit it accepted that we consider too high is our risk.
 */
export function checkLimitMaxima(limits: CardLimits, maxima: Readonly<Record<CardLimitField, string>>): void {
  for (const field of CARD_LIMIT_FIELDS) {
    const value = limits[field];
    if (value === undefined || compareDecimals(value, maxima[field]) <= 0) continue;
    throw new DomainError('CARD_LIMIT_ABOVE_MAXIMUM', `limits.${field}: ${value} is above the maximum of ${maxima[field]} EUR (${limitMaximumVariable(field)})`, {
      field: `limits.${field}`,
      maximum: maxima[field],
    });
  }
}

/** P100's answer to Get Card Limits (exact decimal text through the client's JSON) as all six limits. */
export function limitsFromP100(answer: P100CardLimits | undefined): CardLimitsView {
  const missing = CARD_LIMIT_FIELDS.filter((f) => typeof answer?.[f] !== 'string' || !/^\d+(\.\d+)?$/.test(answer[f]!));
  if (!answer || missing.length) throw new DomainError('P100_UNAVAILABLE', `P100 answered Get Card Limits without a readable ${missing.join(', ')}`);
  return Object.fromEntries(CARD_LIMIT_FIELDS.map((f) => [f, limitText(answer[f]!)])) as CardLimitsView;
}

/** The six limits P100 is sent: the current ones with the given ones over them. */
export function mergeLimits(current: CardLimitsView, given: CardLimits): CardLimitsView {
  return Object.fromEntries(CARD_LIMIT_FIELDS.map((f) => [f, limitText(given[f] ?? current[f])])) as CardLimitsView;
}

export const sameLimits = (a: CardLimitsView | null, b: CardLimitsView): boolean =>
  a !== null && CARD_LIMIT_FIELDS.every((f) => a[f] !== undefined && compareDecimals(a[f], b[f]) === 0);

function splitDecimal(value: string): [string, string] {
  const match = /^(\d+)(?:\.(\d+))?$/.exec(value);
  if (!match) throw new TypeError(`not a non-negative decimal: ${value}`);
  return [match[1]!, match[2] ?? ''];
}
