import { jsonNumber, parseJsonExact, toPlainDecimal } from '@platform/contracts';
import type { FastifyRequest } from 'fastify';
import { normalize } from './decimal';

/**
 * The sandbox's side of exact decimals on the wire. Reading and writing number literals is the
 * platform's (`parseJsonExact`, `jsonNumber`, `toPlainDecimal` in @platform/contracts); what stays
 * here is specific to the sandbox: amounts are normalized before they are written, and request
 * bodies come from Fastify, which may or may not keep the raw text.
 */

/** A decimal string that JSON.stringify writes as the (normalized) number literal, digit for digit. */
export function jsonAmount(decimal: string): number {
  // Typed as number because that is what the contract's JSON says; at runtime it is a raw JSON value.
  return jsonNumber(normalize(decimal)) as unknown as number;
}

/**
 * The request body with every JSON number replaced by its exact source text (e.g. `0.12345678`
 * → '0.12345678'). Reads `request.rawBody` when the app keeps it; otherwise it falls back to the
 * parsed body, where a number's shortest round-trip text is exact for up to 15 significant digits
 * (every amount with the currencies' 2–8 decimals below 10^7) — see the README.
 */
export function exactJsonBody(request: FastifyRequest): unknown {
  const raw = (request as FastifyRequest & { rawBody?: Buffer | string }).rawBody;
  if (raw !== undefined && raw.length > 0) return parseJsonExact(raw.toString());
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
