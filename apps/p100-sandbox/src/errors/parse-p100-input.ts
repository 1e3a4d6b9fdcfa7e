import type { ZodType, core } from 'zod';
import { unstorableFields } from '@platform/contracts';
import { P100ValidationError } from './p100-error';

/**
 * Validates a request the way P100 does: every problem becomes one class-validator-style
 * sentence ("email must be an email") and all of them go into a single P403. Schemas give
 * their own messages as predicates ("must be true"); the field name is prefixed here.
 */
export function parseP100Input<T>(schema: ZodType<T>, input: unknown): T {
  // Text P100 cannot store (its database refuses NUL, and an unpaired surrogate is not text) is a
  // validation error, as an API answers it, not a 500 that a client must treat as "maybe done".
  const unstorable = unstorableFields(input);
  if (unstorable.length > 0) {
    throw new P100ValidationError(unstorable.map((field) => `${field || 'request body'} must not contain NUL characters or unpaired surrogates`));
  }
  const result = schema.safeParse(input, { reportInput: true });
  if (result.success) return result.data;
  throw new P100ValidationError(result.error.issues.map(describeIssue));
}

function describeIssue(issue: core.$ZodIssue): string {
  const field = issue.path.map(String).join('.');
  if (!field) return issue.code === 'invalid_type' ? `request body must be ${article(issue.expected)}` : issue.message;
  if (issue.code === 'invalid_type') {
    return 'input' in issue && issue.input !== undefined ? `${field} must be ${article(issue.expected)}` : `${field} should not be empty`;
  }
  return `${field} ${issue.message}`;
}

const article = (noun: string) => (/^[aeiou]/.test(noun) ? `an ${noun}` : `a ${noun}`);
