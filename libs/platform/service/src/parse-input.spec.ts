import { z } from 'zod';
import { DomainError } from '@platform/contracts';
import { parseInput } from './parse-input';

const createUser = z.strictObject({
  externalUserId: z.string().min(1),
  address: z.object({
    country: z.string().refine((c) => c === 'DE' || c === 'FR', 'UNKNOWN_COUNTRY: not a supported country'),
  }),
  amount: z.string().regex(/^\d+\.\d{2}$/, 'must be a decimal string with 2 places'),
});

const valid = { externalUserId: 'u-1', address: { country: 'DE' }, amount: '10.00' };

/** The DomainError parseInput throws, so each test can look at its code, message and details. */
function failure(input: unknown): DomainError {
  try {
    parseInput(createUser, input);
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('parseInput accepted invalid input');
}

describe('parseInput', () => {
  it('returns the parsed value for valid input', () => {
    expect(parseInput(createUser, valid)).toEqual(valid);
  });

  it('says a missing field "is required", with VALIDATION_FAILED and the field', () => {
    const error = failure({ address: { country: 'DE' }, amount: '10.00' });
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED', message: 'externalUserId: is required', details: { field: 'externalUserId' } });
  });

  it("reports a field of the wrong type with zod's type message, not as missing", () => {
    const error = failure({ ...valid, externalUserId: 42 });
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.message).toMatch(/^externalUserId: /);
    expect(error.message).not.toContain('is required');
    expect(error.message).toMatch(/expected string/i);
  });

  it('names nested fields by their dotted path and uses a code the schema put in its message', () => {
    const error = failure({ ...valid, address: { country: 'XX' } });
    expect(error).toMatchObject({ code: 'UNKNOWN_COUNTRY', message: 'address.country: not a supported country', details: { field: 'address.country' } });
  });

  it('lists every problem in details while the message is about the first', () => {
    const error = failure({ externalUserId: '', address: { country: 'DE' }, amount: '10' });
    expect(error.details?.issues).toEqual([
      { field: 'externalUserId', message: expect.any(String) },
      { field: 'amount', message: 'must be a decimal string with 2 places' },
    ]);
    expect(error.message).toMatch(/^externalUserId: /);
  });

  it('reports a body that is not an object against "(body)", and an unknown field by its name', () => {
    expect(failure('nope')).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: '(body)' } });
    const unknown = failure({ ...valid, extra: true });
    expect(unknown).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'extra' } });
    expect(unknown.message).toMatch(/^extra: /);
  });
});
