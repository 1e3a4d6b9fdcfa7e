import { z } from 'zod';
import { ISO_COUNTRY_CODES } from '@platform/contracts';

const oneOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: `must be one of the following values: ${values.join(', ')}` });

const INCOME_SOURCES = ['BUSINESS_ACTIVITY', 'SALARY', 'OTHER', 'MAINTAINED_BY_FAMILY', 'INVESTMENTS', 'SOCIAL_BENEFITS', 'TENANCY'] as const;
const OCCUPATIONS = [
  'IT', 'HEALTHCARE_AND_MEDICAL_SERVICES', 'FINANCE_AND_ACCOUNTING', 'EDUCATION_AND_TEACHING', 'SALES_AND_MARKETING', 'ENGINEERING',
  'CUSTOMER_SERVICE', 'ADMINISTRATION_AND_OFFICE_MANAGEMENT', 'LEGAL_SERVICES', 'ARTS_AND_DESIGN', 'RETAIL_AND_SALES',
  'CONSTRUCTION_AND_TRADES', 'HUMAN_RESOURCES', 'MANUFACTURING_AND_PRODUCTION', 'SCIENCE_AND_RESEARCH',
] as const;
/** Income sources that need `additionalInfo` (reference.md). */
const NEEDS_ADDITIONAL_INFO = new Set<string>(['SALARY', 'OTHER', 'MAINTAINED_BY_FAMILY', 'INVESTMENTS', 'SOCIAL_BENEFITS', 'TENANCY']);

/**
 * Method B: Creating KYC Verification (#25). Both spellings of the first `openAccountReason`
 * value are accepted (old table vs examples). The conditional fields follow the old docs' table.
 */
export const createKycVerificationRequest = z
  .object({
    externalUserId: z.string().min(1, 'should not be empty'),
    documentType: oneOf(['ID_CARD', 'PASSPORT', 'RESIDENCE_PERMIT', 'DRIVER_LICENSE']),
    country: z.string().refine((c) => ISO_COUNTRY_CODES.has(c), 'must be a valid ISO 3166-1 alpha-2 country code'),
    incomeSource: oneOf(INCOME_SOURCES),
    openAccountReason: oneOf([
      'INVESTMENTS_OR_CRYPTOCURRENCIES',
      'INVESTMENTS_OR_CRYPTOCURRENCIE',
      'CURRENCY_EXCHANGE',
      'DAILY_USE',
      'GAMING_OR_GAMBLING',
      'TRANSFER_OF_FUNDS_OUTSIDE_OF_EUROPE',
    ]),
    taxId: z.string().min(1, 'should not be empty').optional(),
    occupation: oneOf(OCCUPATIONS).optional(),
    additionalInfo: z.string().min(1, 'should not be empty').max(1000).optional(),
  })
  .superRefine((body, ctx) => {
    if (body.incomeSource === 'BUSINESS_ACTIVITY' && !body.taxId) {
      ctx.addIssue({ code: 'custom', path: ['taxId'], message: 'should not be empty when incomeSource is BUSINESS_ACTIVITY' });
    }
    if (body.incomeSource === 'SALARY' && !body.occupation) {
      ctx.addIssue({ code: 'custom', path: ['occupation'], message: 'should not be empty when incomeSource is SALARY' });
    }
    if (NEEDS_ADDITIONAL_INFO.has(body.incomeSource) && !body.additionalInfo) {
      ctx.addIssue({ code: 'custom', path: ['additionalInfo'], message: `should not be empty when incomeSource is ${body.incomeSource}` });
    }
  });
