import { DomainError, unstorableFields } from '@platform/contracts';

/**
 * Protobuf decodes any UTF-8, NULs and all. The same text rule as the REST JSON parser applies
 * before any work: no NUL or unpaired surrogate in a string field, a 400 / INVALID_ARGUMENT
 * naming the field as REST names it (`files.0.filename`). Sizes are bounded by the server's
 * message size limit, then by each field's schema; depth by the .proto messages themselves.
 */
export function assertStorableStrings(message: unknown): void {
  const [field] = unstorableFields(message);
  if (field !== undefined) {
    const name = field || '(message)';
    throw new DomainError('VALIDATION_FAILED', `${name}: contains a NUL character or an unpaired surrogate`, { field: name });
  }
}
