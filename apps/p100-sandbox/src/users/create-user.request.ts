import { z } from 'zod';
import { ISO_COUNTRY_CODES } from '@platform/contracts';

const text = (max = 255) =>
  z.string().min(1, 'should not be empty').max(max, `must be shorter than or equal to ${max} characters`);

const countryCode = z
  .string()
  .refine((c) => ISO_COUNTRY_CODES.has(c), 'must be a valid ISO 3166-1 alpha-2 country code');

const isoDate = z.string().refine((value) => {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}, 'must be a valid date in YYYY-MM-DD format');

/**
 * Create User Account, newest field set (endpoints.md #23). Required flags beyond externalUserId,
 * country, citizenship and hasAcceptedP100Tc are (inferred) from the docs' table; unknown fields
 * are ignored, as older clients may still send them.
 */
export const createUserRequest = z.object({
  externalUserId: text(),
  email: z.email({ error: 'must be an email' }),
  phone: z.string().regex(/^\d{6,15}$/, 'must contain only digits with the country prefix and no +'),
  firstName: text(),
  lastName: text(),
  street: text(),
  number: text(50),
  city: text(),
  postCode: text(20),
  country: countryCode,
  citizenship: countryCode,
  nationality: countryCode,
  birthCountry: countryCode,
  birthDate: isoDate,
  userIdentificationNumber: text(100).optional(),
  hasAcceptedP100Tc: z.literal(true, { error: 'must be true' }),
});

export type CreateUserRequest = z.infer<typeof createUserRequest>;

export interface CreateUserResponse {
  userId: string;
  poaRequiredForExtended: boolean;
}
