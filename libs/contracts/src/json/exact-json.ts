/**
 * Exact decimals on the wire. P100 sends some amounts as JSON numbers (exchange `amount`, rates,
 * fees); inside the platform an amount is a decimal string and must never pass through a float.
 * Shared by the P100 client (HTTP bodies) and the Kafka adapter (P100 webhook events on topics).
 *
 * - Reading: every JSON number becomes its exact source text (the reviver's `context.source`,
 *   Node >= 21), written out without an exponent.
 * - Writing: `jsonNumber('12.345')` makes a raw JSON value (`JSON.rawJSON`) that JSON.stringify
 *   emits as the number literal `12.345`, digit for digit.
 */

declare const jsonNumberBrand: unique symbol;
/** A decimal that is written into request JSON as a number literal. Create with `jsonNumber()`. */
export type JsonNumber = { readonly rawJSON: string } & { readonly [jsonNumberBrand]: true };

interface RawJsonApi {
  rawJSON?: (text: string) => object;
  isRawJSON?: (value: unknown) => boolean;
}
type SourceReviver = (key: string, value: unknown, context?: { source?: string }) => unknown;

const nativeJson = JSON as unknown as RawJsonApi;
const DECIMAL = /^-?\d+(\.\d+)?$/;

export function jsonNumber(decimal: string): JsonNumber {
  if (typeof decimal !== 'string' || !DECIMAL.test(decimal)) {
    throw new TypeError(`Not a plain decimal number: ${JSON.stringify(decimal)}`);
  }
  if (!nativeJson.rawJSON) throw new Error('JSON.rawJSON is missing: exact JSON needs Node >= 21');
  return nativeJson.rawJSON(stripLeadingZeros(decimal)) as JsonNumber;
}

export function isJsonNumber(value: unknown): value is JsonNumber {
  return nativeJson.isRawJSON?.(value) === true;
}

/** JSON.stringify; values made by `jsonNumber()` come out as number literals. */
export function stringifyJson(value: unknown): string {
  return JSON.stringify(value);
}

/** JSON.parse that turns every number into its exact decimal string. */
export function parseJsonExact(text: string): unknown {
  const reviver: SourceReviver = (_key, value, context) => {
    if (typeof value !== 'number') return value;
    if (context?.source === undefined) {
      throw new Error('JSON.parse source text is unavailable: exact JSON needs Node >= 21');
    }
    return toPlainDecimal(context.source);
  };
  return JSON.parse(text, reviver as (key: string, value: unknown) => unknown);
}

/** `1.5e-7` → `0.00000015`, `2E+3` → `2000`; plain decimals are returned unchanged. */
export function toPlainDecimal(source: string): string {
  const match = /^(-?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/.exec(source);
  if (!match) throw new TypeError(`Not a JSON number: ${source}`);
  const [, sign, int, frac = '', exp] = match;
  if (exp === undefined) return source;
  const digits = int + frac;
  const point = int.length + Number(exp);
  let plain: string;
  if (point <= 0) plain = `0.${'0'.repeat(-point)}${digits}`;
  else if (point >= digits.length) plain = digits + '0'.repeat(point - digits.length);
  else plain = `${digits.slice(0, point)}.${digits.slice(point)}`;
  return sign + stripLeadingZeros(plain);
}

function stripLeadingZeros(decimal: string): string {
  return decimal.replace(/^(-?)0+(?=\d)/, '$1');
}
