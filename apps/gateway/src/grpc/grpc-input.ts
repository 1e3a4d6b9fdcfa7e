import { DomainError, isStorableText } from '@platform/contracts';

const MAX_DEPTH = 8;

/**
 * Protobuf decodes any UTF-8, NULs and all, and bytes we did not bound. The same text rule as
 * the REST JSON parser applies before any work: no NUL or unpaired surrogate in a string field,
 * a 400 / INVALID_ARGUMENT naming the field. (Sizes: the server's message size limit, then each
 * field's schema.)
 */
export function assertStorableStrings(value: unknown, field = '', depth = 0): void {
  if (depth > MAX_DEPTH) throw new DomainError('VALIDATION_FAILED', `${field}: nested too deeply`, { field });
  if (typeof value === 'string') {
    if (!isStorableText(value)) throw new DomainError('VALIDATION_FAILED', `${field}: contains a NUL character or an unpaired surrogate`, { field });
    return;
  }
  if (value === null || typeof value !== 'object' || value instanceof Uint8Array) return;
  if (Array.isArray(value)) value.forEach((v, i) => assertStorableStrings(v, `${field}[${i}]`, depth + 1));
  else for (const [k, v] of Object.entries(value)) assertStorableStrings(v, field ? `${field}.${k}` : k, depth + 1);
}
