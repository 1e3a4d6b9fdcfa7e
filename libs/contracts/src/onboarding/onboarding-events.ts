import { z } from 'zod';
import { POA_STATUSES, USER_MODELS, USER_STATUSES } from './onboarding-commands';

export const ONBOARDING_EVENTS_TOPIC = 'onboarding.events';

export const userCreatedEventSchema = z.object({
  externalUserId: z.string(),
  /** null when the reconciler confirmed the user at P100 after a lost answer: P100 has no read of its id. */
  p100UserId: z.string().nullable(),
  createdAt: z.string(),
});

export const userActivatedEventSchema = z.object({
  externalUserId: z.string(),
  p100UserId: z.string().nullable(),
  activatedAt: z.string(),
});

/**
 * Every other step of the user's state machine: where the user is now and when it got there.
 * Identity and contact data never travel in events (they stay at P100 and in the caller's own
 * systems); an update names the fields that changed, not their values.
 */
export const userChangedEventSchema = z.object({
  externalUserId: z.string(),
  model: z.enum(USER_MODELS),
  status: z.enum(USER_STATUSES),
  poaStatus: z.enum(POA_STATUSES),
  suspended: z.boolean(),
  at: z.string(),
  /** onboarding.user.updated.v1 only: the fields P100 changed. */
  changedFields: z.array(z.string()).optional(),
});
export type UserChangedEvent = z.infer<typeof userChangedEventSchema>;

const changed = (type: string, description: string) => ({ type, schema: userChangedEventSchema, description });

/** Settlement events published on `onboarding.events`, keyed by externalUserId. */
export const OnboardingEvents = {
  userCreated: { type: 'onboarding.user.created.v1', schema: userCreatedEventSchema, description: 'P100 created the user (p100UserId null when the reconciler confirmed it after a lost answer).' },
  userActivated: { type: 'onboarding.user.activated.v1', schema: userActivatedEventSchema, description: "KYC passed; the user's balances exist at P100." },
  kycSessionStarted: changed('onboarding.user.kyc-session-started.v1', 'A P100-hosted KYC session (method B) was created; the user must open its redirect URL.'),
  kycSessionApproved: changed('onboarding.user.kyc-session-approved.v1', 'P100 accepted the hosted capture; verification can be submitted.'),
  kycSessionRejected: changed('onboarding.user.kyc-session-rejected.v1', 'P100 refused the hosted capture; a new session may be started.'),
  verificationSubmitted: changed('onboarding.user.verification-submitted.v1', "Add User Verification was accepted; P100's decision follows."),
  poaRequired: changed('onboarding.user.poa-required.v1', 'Proof of address is needed (high-risk KYC, or a POA country).'),
  poaSubmitted: changed('onboarding.user.poa-submitted.v1', 'Proof-of-address files are with P100 for review (WAITING).'),
  poaQuestioned: changed('onboarding.user.poa-questioned.v1', 'The proof of address could not be read: upload it again.'),
  poaApproved: changed('onboarding.user.poa-approved.v1', 'P100 accepted the proof of address.'),
  poaRejected: changed('onboarding.user.poa-rejected.v1', 'P100 refused the proof of address; another document is needed.'),
  kycRejected: changed('onboarding.user.kyc-rejected.v1', "P100's KYC decision refused the user (final)."),
  userUpdated: changed('onboarding.user.updated.v1', "P100 changed the user's contact or address fields (names in changedFields)."),
  userSuspended: changed('onboarding.user.suspended.v1', 'The user is suspended: P100 refuses its operations until unsuspended.'),
  userUnsuspended: changed('onboarding.user.unsuspended.v1', 'The user may operate again.'),
  userDeleted: changed('onboarding.user.deleted.v1', 'The user was deleted at P100 (final).'),
} as const;
