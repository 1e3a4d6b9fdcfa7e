import { z } from 'zod';
import { CARD_LIMIT_FIELDS, limitValue } from './card-limits';

const requiredText = z.string().min(1, 'should not be empty');
const pin = z.string().regex(/^\d{4}$/, 'must be 4 digits');

/** Create Virtual Card (#50): label 3–30 characters, 4-digit PIN. */
export const createCardRequest = z.object({
  externalUserId: requiredText,
  label: z.string().min(3, 'must be longer than or equal to 3 characters').max(30, 'must be shorter than or equal to 30 characters'),
  pin,
});

/** openapi `CardRef`: the body of block, unblock and delete (client code). */
export const cardRefRequest = z.object({ externalUserId: requiredText, cardId: requiredText });

export const updatePinRequest = cardRefRequest.extend({ pin });

/** Update Card Limits: CardRef + any of the six limits (partial update (inferred)), at least one. */
export const updateLimitsRequest = cardRefRequest
  .extend(Object.fromEntries(CARD_LIMIT_FIELDS.map((f) => [f, limitValue.optional()])) as Record<(typeof CARD_LIMIT_FIELDS)[number], z.ZodOptional<typeof limitValue>>)
  .refine((body) => CARD_LIMIT_FIELDS.some((f) => body[f] !== undefined), `request body should contain at least one of ${CARD_LIMIT_FIELDS.join(', ')}`);
