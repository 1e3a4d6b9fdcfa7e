import { z } from 'zod';

const text = (max = 255) =>
  z.string().min(1, 'should not be empty').max(max, `must be shorter than or equal to ${max} characters`);

/**
 * Update Existing User: the fields the Account Management page lists as updatable, all optional.
 * Country of residence and KYC identity data cannot change, so sending them is a P403 (strict
 * object: "property country should not exist", class-validator's whitelist wording).
 */
export const updateUserRequest = z.strictObject({
  email: z.email({ error: 'must be an email' }).optional(),
  phone: z.string().regex(/^\d{6,15}$/, 'must contain only digits with the country prefix and no +').optional(),
  street: text().optional(),
  number: text(50).optional(),
  city: text().optional(),
  postCode: text(20).optional(),
});

export type UpdateUserRequest = z.infer<typeof updateUserRequest>;
