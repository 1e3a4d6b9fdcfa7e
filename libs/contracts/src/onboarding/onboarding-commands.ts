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

/** Command types on `onboarding.commands` and their payload schemas. */
export const OnboardingCommands = {
  createUser: { type: 'onboarding.create-user.v1', schema: createUserSchema },
  addKycFiles: { type: 'onboarding.add-kyc-files.v1', schema: addKycFilesSchema },
  submitVerification: { type: 'onboarding.submit-verification.v1', schema: userRefSchema },
  getUser: { type: 'onboarding.get-user.v1', schema: userRefSchema },
  getBalances: { type: 'onboarding.get-balances.v1', schema: userRefSchema },
} as const;

export const USER_STATUSES = ['CREATING', 'CREATED', 'KYC_FILES_ADDED', 'VERIFICATION_SUBMITTED', 'ACTIVE', 'REJECTED'] as const;
export type UserStatus = (typeof USER_STATUSES)[number];

const isoTimestamp = z.string().describe('RFC 3339 timestamp');

/** What every user operation answers (REST body, gRPC User message). */
export const userViewSchema = z.object({
  externalUserId: z.string(),
  p100UserId: z.string().nullable(),
  status: z.enum(USER_STATUSES),
  poaRequired: z.boolean(),
  kycFileStatus: z.enum(['ADDED', 'ERROR']).nullable(),
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
