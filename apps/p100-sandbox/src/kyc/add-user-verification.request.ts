import { z } from 'zod';

/**
 * Add User Verification. Only `externalUserId` is known (inferred minimum); P100 says the call
 * "submits the user's document data", so other fields are accepted and ignored.
 */
export const addUserVerificationRequest = z.looseObject({
  externalUserId: z.string().min(1, 'should not be empty'),
});
