import { z } from 'zod';
import { ISO_COUNTRY_CODES } from '../reference/countries';

export const ONBOARDING_COMMANDS_TOPIC = 'onboarding.commands';

/** Our id for an end user; P100 calls it externalUserId. Kept URL- and log-safe. */
export const externalUserIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{2,63}$/, 'must be 3-64 characters: letters, digits, "-" or "_"');

const country = z
  .string()
  .length(2, 'must be an ISO 3166-1 alpha-2 code')
  .transform((v) => v.toUpperCase())
  .refine((v) => ISO_COUNTRY_CODES.has(v), { message: 'UNKNOWN_COUNTRY: not an ISO 3166-1 alpha-2 country code' });

/** Create User Account, with the newest P100 field set (all core fields required, as the old docs said). */
export const createUserSchema = z.strictObject({
  externalUserId: externalUserIdSchema,
  email: z.email(),
  phone: z.string().regex(/^\d{6,15}$/, 'must be digits with the country prefix and no "+", e.g. 48601234567'),
  firstName: z.string().trim().min(1).max(100),
  lastName: z.string().trim().min(1).max(100),
  street: z.string().trim().min(1).max(200),
  number: z.string().trim().min(1).max(50),
  city: z.string().trim().min(1).max(100),
  postCode: z.string().trim().min(1).max(20),
  country,
  citizenship: country,
  nationality: country,
  birthCountry: country,
  birthDate: z.iso.date(),
  userIdentificationNumber: z.string().trim().min(1).max(50).optional(),
  hasAcceptedP100Tc: z.literal(true, { message: 'must be true: the user has to accept the P100 terms' }),
});
export type CreateUserInput = z.infer<typeof createUserSchema>;

/** KYC method A file; documented limits are enforced at the gateway and again in the client. */
export const KYC_FILE_LIMITS = {
  maxFiles: 3,
  maxBytes: 5 * 1024 * 1024,
  mimeTypes: ['image/jpeg', 'image/png', 'image/jpg', 'application/pdf'] as readonly string[],
};

export const kycFileSchema = z.strictObject({
  filename: z.string().min(1).max(200),
  contentType: z.enum(KYC_FILE_LIMITS.mimeTypes as [string, ...string[]]),
  /** base64 of the file; files travel inside the command (topic max.message.bytes is raised). */
  dataBase64: z.string().min(1),
});

export const addKycFilesSchema = z.strictObject({
  externalUserId: externalUserIdSchema,
  files: z.array(kycFileSchema).min(1).max(KYC_FILE_LIMITS.maxFiles),
});
export type AddKycFilesInput = z.infer<typeof addKycFilesSchema>;

export const userRefSchema = z.strictObject({ externalUserId: externalUserIdSchema });
export type UserRef = z.infer<typeof userRefSchema>;

/** KYC method B (P100-hosted capture): Create KYC Verification's fields (reference.md). */
export const KYC_DOCUMENT_TYPES = ['ID_CARD', 'PASSPORT', 'RESIDENCE_PERMIT', 'DRIVER_LICENSE'] as const;
export const INCOME_SOURCES = ['BUSINESS_ACTIVITY', 'SALARY', 'OTHER', 'MAINTAINED_BY_FAMILY', 'INVESTMENTS', 'SOCIAL_BENEFITS', 'TENANCY'] as const;
export const OPEN_ACCOUNT_REASONS = ['INVESTMENTS_OR_CRYPTOCURRENCIES', 'CURRENCY_EXCHANGE', 'DAILY_USE', 'GAMING_OR_GAMBLING', 'TRANSFER_OF_FUNDS_OUTSIDE_OF_EUROPE'] as const;
export const OCCUPATIONS = [
  'IT', 'HEALTHCARE_AND_MEDICAL_SERVICES', 'FINANCE_AND_ACCOUNTING', 'EDUCATION_AND_TEACHING', 'SALES_AND_MARKETING', 'ENGINEERING',
  'CUSTOMER_SERVICE', 'ADMINISTRATION_AND_OFFICE_MANAGEMENT', 'LEGAL_SERVICES', 'ARTS_AND_DESIGN', 'RETAIL_AND_SALES',
  'CONSTRUCTION_AND_TRADES', 'HUMAN_RESOURCES', 'MANUFACTURING_AND_PRODUCTION', 'SCIENCE_AND_RESEARCH',
] as const;
/** Income sources for which P100 wants `additionalInfo` (reference.md). */
const NEEDS_ADDITIONAL_INFO: ReadonlySet<string> = new Set(['SALARY', 'OTHER', 'MAINTAINED_BY_FAMILY', 'INVESTMENTS', 'SOCIAL_BENEFITS', 'TENANCY']);

const freeText = (max: number) => z.string().trim().min(1).max(max).regex(/^[^\p{Cc}]*$/u, 'must not contain control characters');

/** Starts a P100-hosted KYC session; the conditional fields are checked here, naming the field, before P100 sees them. */
export const startHostedKycSchema = z
  .strictObject({
    externalUserId: externalUserIdSchema,
    documentType: z.enum(KYC_DOCUMENT_TYPES),
    country,
    incomeSource: z.enum(INCOME_SOURCES),
    openAccountReason: z.enum(OPEN_ACCOUNT_REASONS),
    taxId: freeText(50).optional(),
    occupation: z.enum(OCCUPATIONS).optional(),
    additionalInfo: freeText(1000).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.incomeSource === 'BUSINESS_ACTIVITY' && !v.taxId) ctx.addIssue({ code: 'custom', path: ['taxId'], message: 'required when incomeSource is BUSINESS_ACTIVITY' });
    if (v.incomeSource === 'SALARY' && !v.occupation) ctx.addIssue({ code: 'custom', path: ['occupation'], message: 'required when incomeSource is SALARY' });
    if (NEEDS_ADDITIONAL_INFO.has(v.incomeSource) && !v.additionalInfo) {
      ctx.addIssue({ code: 'custom', path: ['additionalInfo'], message: `required when incomeSource is ${v.incomeSource}` });
    }
  });
export type StartHostedKycInput = z.infer<typeof startHostedKycSchema>;

/** Proof of address: the same file limits as KYC files (≤ 3 files, ≤ 5 MB each, JPEG/PNG/PDF). */
export const addPoaFilesSchema = addKycFilesSchema;
export type AddPoaFilesInput = AddKycFilesInput;

/**
 * A user of P100's non-KYC model ("limited"): crypto and EUR balances at once, never cards, never
 * upgraded to KYC (endpoints.md L1). Which fields P100 requires is (inferred); we ask for the
 * identity and residence the KYC model asks for.
 */
export const createLimitedUserSchema = z.strictObject({
  externalUserId: externalUserIdSchema,
  email: z.email().max(254),
  firstName: z.string().trim().min(1).max(100),
  lastName: z.string().trim().min(1).max(100),
  address: z.string().trim().min(1).max(200).optional(),
  city: z.string().trim().min(1).max(100).optional(),
  country,
  documentType: z.enum(['PASSPORT', 'ID_CARD', 'RESIDENCE_PERMIT']).optional(),
  documentNumber: z.string().trim().min(1).max(100).optional(),
  birthCountry: country.optional(),
  birthDate: z.iso.date().optional(),
});
export type CreateLimitedUserInput = z.infer<typeof createLimitedUserSchema>;

/**
 * Update Existing User: only the fields P100 lets change (contact and address). Country of
 * residence and the identity captured by KYC are immutable; sending them is refused by name.
 */
export const UPDATABLE_USER_FIELDS = ['email', 'phone', 'street', 'number', 'city', 'postCode'] as const;
export const updateUserSchema = z
  .strictObject({
    externalUserId: externalUserIdSchema,
    email: z.email().max(254).optional(),
    phone: z.string().regex(/^\d{6,15}$/, 'must be digits with the country prefix and no "+", e.g. 48601234567').optional(),
    street: z.string().trim().min(1).max(200).optional(),
    number: z.string().trim().min(1).max(50).optional(),
    city: z.string().trim().min(1).max(100).optional(),
    postCode: z.string().trim().min(1).max(20).optional(),
  })
  .refine((v) => UPDATABLE_USER_FIELDS.some((f) => v[f] !== undefined), { path: ['email'], message: `must change at least one of ${UPDATABLE_USER_FIELDS.join(', ')}` });
export type UpdateUserInput = z.infer<typeof updateUserSchema>;

/** Command types on `onboarding.commands` and their payload schemas. */
export const OnboardingCommands = {
  createUser: { type: 'onboarding.create-user.v1', schema: createUserSchema },
  createLimitedUser: { type: 'onboarding.create-limited-user.v1', schema: createLimitedUserSchema },
  addKycFiles: { type: 'onboarding.add-kyc-files.v1', schema: addKycFilesSchema },
  startHostedKyc: { type: 'onboarding.start-hosted-kyc.v1', schema: startHostedKycSchema },
  getKycStatus: { type: 'onboarding.get-kyc-status.v1', schema: userRefSchema },
  addPoaFiles: { type: 'onboarding.add-poa-files.v1', schema: addPoaFilesSchema },
  submitVerification: { type: 'onboarding.submit-verification.v1', schema: userRefSchema },
  getUser: { type: 'onboarding.get-user.v1', schema: userRefSchema },
  getBalances: { type: 'onboarding.get-balances.v1', schema: userRefSchema },
  updateUser: { type: 'onboarding.update-user.v1', schema: updateUserSchema },
  suspendUser: { type: 'onboarding.suspend-user.v1', schema: userRefSchema },
  unsuspendUser: { type: 'onboarding.unsuspend-user.v1', schema: userRefSchema },
  deleteUser: { type: 'onboarding.delete-user.v1', schema: userRefSchema },
} as const;

/**
 * The user's onboarding status, one forward-only state machine (docs/onboarding.md draws it;
 * apps/onboarding-kyc user-lifecycle.ts is its one transition table). REJECTED and DELETED are
 * final; suspension is a flag beside the status, since a suspended user keeps where it was.
 */
export const USER_STATUSES = [
  'CREATING',
  'CREATED',
  'KYC_FILES_ADDED',
  'KYC_SESSION_STARTED',
  'KYC_SESSION_APPROVED',
  'KYC_SESSION_REJECTED',
  'VERIFICATION_SUBMITTED',
  'POA_REQUIRED',
  'ACTIVE',
  'REJECTED',
  'DELETED',
] as const;
export type UserStatus = (typeof USER_STATUSES)[number];

/** Proof of address, P100's POA Verification Status vocabulary plus whether it is asked for at all. */
export const POA_STATUSES = ['NOT_REQUIRED', 'REQUIRED', 'WAITING', 'QUESTIONED', 'APPROVED', 'REJECTED'] as const;
export type PoaStatus = (typeof POA_STATUSES)[number];

/** KYC: a full user (IBAN, cards, crypto); LIMITED: P100's non-KYC model (crypto + eur, no cards). */
export const USER_MODELS = ['KYC', 'LIMITED'] as const;
export type UserModel = (typeof USER_MODELS)[number];

const isoTimestamp = z.string().describe('RFC 3339 timestamp');

/** What every user operation answers (REST body, gRPC User message). */
export const userViewSchema = z.object({
  externalUserId: z.string(),
  p100UserId: z.string().nullable(),
  model: z.enum(USER_MODELS),
  status: z.enum(USER_STATUSES),
  poaRequired: z.boolean(),
  poaStatus: z.enum(POA_STATUSES),
  kycFileStatus: z.enum(['ADDED', 'ERROR']).nullable(),
  /** The P100-hosted session (method B) the user was last sent to; null for method A. */
  kycVerificationId: z.string().nullable(),
  suspended: z.boolean(),
  createdAt: isoTimestamp,
  updatedAt: isoTimestamp,
  activatedAt: isoTimestamp.nullable(),
});
export type UserView = z.infer<typeof userViewSchema>;

export const balanceViewSchema = z.object({
  id: z.string(),
  currency: z.string(),
  amount: z.string().regex(/^-?\d+(\.\d+)?$/).describe('exact decimal string'),
  status: z.string().optional(),
  iban: z.string().nullable().optional(),
  wallet: z.string().nullable().optional(),
});
export type BalanceView = z.infer<typeof balanceViewSchema>;

export const balancesViewSchema = z.object({
  externalUserId: z.string(),
  fiat: z.array(balanceViewSchema),
  crypto: z.array(balanceViewSchema),
});
export type BalancesView = z.infer<typeof balancesViewSchema>;

/** The answer to starting a hosted KYC session: open `redirectUrl` in the end user's browser. */
export const hostedKycViewSchema = z.object({
  user: userViewSchema,
  verificationId: z.string(),
  redirectUrl: z.string(),
});
export type HostedKycView = z.infer<typeof hostedKycViewSchema>;

/** P100's Get KYC Status, as far as its fields are known (its schema was not recovered). */
export const kycStatusViewSchema = z.object({
  externalUserId: z.string(),
  verificationId: z.string().nullable(),
  status: z.string(),
  rejectionReasons: z.array(z.string()),
});
export type KycStatusView = z.infer<typeof kycStatusViewSchema>;
