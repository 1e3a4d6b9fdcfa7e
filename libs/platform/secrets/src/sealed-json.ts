import type { OneTimeCodeSealer } from './one-time-code-sealer';

interface RawJsonApi {
  rawJSON(text: string): unknown;
}
type SourceReviver = (key: string, value: unknown, context?: { source?: string }) => unknown;

/**
 * The JSON text with the string values of `fields` (any depth, names compared without case or
 * separators) sealed, and everything else as it was: numbers keep their exact source text
 * (JSON.rawJSON), so amounts are not turned into floats on the way.
 */
export function sealJsonFields(text: string, fields: ReadonlySet<string>, sealer: OneTimeCodeSealer): string {
  const raw = JSON as unknown as RawJsonApi;
  const reviver: SourceReviver = (_key, value, context) => (typeof value === 'number' ? raw.rawJSON(context?.source ?? String(value)) : value);
  const value = JSON.parse(text, reviver as (key: string, value: unknown) => unknown);
  return JSON.stringify(sealIn(value, fields, sealer));
}

function sealIn(value: unknown, fields: ReadonlySet<string>, sealer: OneTimeCodeSealer): unknown {
  if (Array.isArray(value)) return value.map((item) => sealIn(item, fields, sealer));
  if (value === null || typeof value !== 'object' || isRawJson(value)) return value;
  return Object.fromEntries(
    Object.entries(value).map(([name, inner]) => [
      name,
      fields.has(normalise(name)) && typeof inner === 'string' && inner !== '' ? sealer.seal(inner) : sealIn(inner, fields, sealer),
    ]),
  );
}

const isRawJson = (value: object) => (JSON as unknown as { isRawJSON?: (v: unknown) => boolean }).isRawJSON?.(value) === true;

/** `activation_code`, `activationCode`, `ActivationCode` → `activationcode`. */
export const normalise = (field: string) => field.toLowerCase().replace(/[^a-z0-9]/g, '');
