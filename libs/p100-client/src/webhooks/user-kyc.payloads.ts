import { z } from 'zod';
import { idString, statusString } from './webhook-fields';

/**
 * User & KYC webhooks (webhooks.md #1–#6). Parsing is lenient: unknown fields are kept, since P100
 * adds fields without notice and the raw event is stored anyway. Where the contract only proposes
 * a payload (inferred), just the fields that identify the occurrence (the catalog's key + status)
 * are required; everything else is optional and typed as proposed.
 */

/** User Balance Generation, delivered to `/webhook/user/status`: balances are ACTIVE (documented). */
export const userStatusWebhookSchema = z.looseObject({
  externalUserId: idString,
  /** Documented value: ACTIVE (an example, not an enum, in the contract). */
  status: statusString,
});
export type UserStatusWebhook = z.infer<typeof userStatusWebhookSchema>;

/** KYC File Added, delivered to `/webhook/kyc-files/status` (documented). */
export const kycFileAddedWebhookSchema = z.looseObject({
  externalUserId: idString,
  status: z.enum(['ADDED', 'ERROR']),
});
export type KycFileAddedWebhook = z.infer<typeof kycFileAddedWebhookSchema>;

/** POA Verification Status: status values documented, field names inferred (`externalUserId` + `status`). */
export const poaVerificationStatusWebhookSchema = z.looseObject({
  externalUserId: idString,
  status: z.enum(['WAITING', 'APPROVED', 'REJECTED', 'QUESTIONED']),
});
export type PoaVerificationStatusWebhook = z.infer<typeof poaVerificationStatusWebhookSchema>;

/**
 * KYC Verification Status: payload not retrieved (inferred `{externalUserId, verificationId,
 * status}`); the status vocabulary was not recovered, so any status word is accepted. Method A
 * verifications have no `verificationId`, hence optional.
 */
export const kycVerificationStatusWebhookSchema = z.looseObject({
  externalUserId: idString,
  verificationId: idString.optional(),
  status: statusString,
});
export type KycVerificationStatusWebhook = z.infer<typeof kycVerificationStatusWebhookSchema>;

/** High Risk KYC Verification: only the name is documented (inferred `{externalUserId, status}`; POA then required). */
export const highRiskKycVerificationWebhookSchema = z.looseObject({
  externalUserId: idString,
  status: statusString,
});
export type HighRiskKycVerificationWebhook = z.infer<typeof highRiskKycVerificationWebhookSchema>;
