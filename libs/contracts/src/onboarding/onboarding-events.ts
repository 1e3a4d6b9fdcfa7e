import { z } from 'zod';

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

/** Settlement events published on `onboarding.events`, keyed by externalUserId. */
export const OnboardingEvents = {
  userCreated: { type: 'onboarding.user.created.v1', schema: userCreatedEventSchema },
  userActivated: { type: 'onboarding.user.activated.v1', schema: userActivatedEventSchema },
} as const;
