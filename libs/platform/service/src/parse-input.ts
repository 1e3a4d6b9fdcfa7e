import type { z, ZodType } from 'zod';
import { DomainError } from '@platform/contracts';

/**
 * Validates external input against a schema; the first problem becomes a 400 with a stable code
 * and the field it concerns. Schemas may prefix a message with a code (`UNKNOWN_COUNTRY: ...`)
 * to give that problem its own code.
 */
export function parseInput<T>(schema: ZodType<T>, input: unknown): T {
  // zod 4 reports the offending input only when asked; needed to tell "missing" from "wrong type".
  const result = schema.safeParse(input, { reportInput: true });
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const field = fieldOf(issue);
  const coded = /^([A-Z][A-Z0-9_]+): (.*)$/.exec(issue.message);
  const message = issue.code === 'invalid_type' && issue.input === undefined ? 'is required' : (coded?.[2] ?? issue.message);
  throw new DomainError(coded?.[1] ?? 'VALIDATION_FAILED', `${field}: ${message}`, {
    field,
    issues: result.error.issues.map((i) => ({ field: fieldOf(i), message: i.message })),
  });
}

/**
 * The field an issue is about. A field a strict object does not know is named itself (zod puts
 * such issues on the object, listing the keys), so `{"country": …}` sent where country cannot
 * change is refused naming `country`, not the body.
 */
function fieldOf(issue: z.core.$ZodIssue): string {
  const path = issue.code === 'unrecognized_keys' && issue.keys.length > 0 ? [...issue.path, issue.keys[0]!] : issue.path;
  return path.join('.') || '(body)';
}
