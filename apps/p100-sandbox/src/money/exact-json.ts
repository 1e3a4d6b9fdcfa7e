import type { FastifyRequest } from 'fastify';
import { normalize } from './decimal';

/**
 * Exact decimals on the wire, the technique of libs/p100-client/src/json.ts: amounts the contract
 * types as JSON numbers are written as raw number literals (`JSON.rawJSON`) and read from the
 * request's source text, so they never pass through a float.
 */
interface RawJsonApi {
  rawJSON(text: string): object;
}
type SourceReviver = (key: string, value: unknown, context?: { source?: string }) => unknown;

/** A decimal string that JSON.stringify writes as the number literal, digit for digit. */
export function jsonAmount(decimal: string): number {
  // Typed as number because that is what the contract's JSON says; at runtime it is a raw JSON value.
  return (JSON as unknown as RawJsonApi).rawJSON(normalize(decimal)) as unknown as number;
}

/**
 * The request body with every JSON number replaced by its exact source text (e.g. `0.12345678`
 * → '0.12345678'). Reads `request.rawBody` when the app keeps it; otherwise it falls back to the
 * parsed body, where a number's shortest round-trip text is exact for up to 15 significant digits
 * (every amount with the currencies' 2–8 decimals below 10^7) — see the README.
 */
export function exactJsonBody(request: FastifyRequest): unknown {
  const raw = (request as FastifyRequest & { rawBody?: Buffer | string }).rawBody;
  if (raw !== undefined && raw.length > 0) {
    const reviver: SourceReviver = (_key, value, context) =>
      typeof value === 'number' && context?.source !== undefined ? toPlainDecimal(context.source) : value;
    return JSON.parse(raw.toString(), reviver as (key: string, value: unknown) => unknown);
  }
  return numbersToDecimals(request.body);
}

function numbersToDecimals(value: unknown): unknown {
  if (typeof value === 'number') return Number.isFinite(value) ? toPlainDecimal(String(value)) : value;
  if (Array.isArray(value)) return value.map(numbersToDecimals);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, numbersToDecimals(v)]));
  }
  return value;
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
  return sign + plain.replace(/^0+(?=\d)/, '');
}
