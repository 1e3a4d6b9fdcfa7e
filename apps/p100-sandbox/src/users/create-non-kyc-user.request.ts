import { z } from 'zod';
import { ISO_COUNTRY_CODES } from '@platform/contracts';

const text = (max = 255) =>
  z.string().min(1, 'should not be empty').max(max, `must be shorter than or equal to ${max} characters`);

const countryCode = z
  .string()
  .refine((c) => ISO_COUNTRY_CODES.has(c), 'must be a valid ISO 3166-1 alpha-2 country code');

/**
 * Legacy non-KYC Create User (endpoints.md L1). The docs show only an example body; which fields
 * are required is (inferred): identity and residence, as for the KYC model.
 */
export const createNonKycUserRequest = z.object({
  externalUserId: text(),
  email: z.email({ error: 'must be an email' }),
  firstName: text(),
  lastName: text(),
  address: text().optional(),
  city: text().optional(),
  country: countryCode,
  documentType: z.enum(['PASSPORT', 'ID_CARD', 'RESIDENCE_PERMIT'], { error: 'must be one of the following values: PASSPORT, ID_CARD, RESIDENCE_PERMIT' }).optional(),
  documentNumber: text(100).optional(),
  pesel: text(20).optional(),
  birthCountry: countryCode.optional(),
  birthDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a valid date in YYYY-MM-DD format').optional(),
});

export type CreateNonKycUserRequest = z.infer<typeof createNonKycUserRequest>;
