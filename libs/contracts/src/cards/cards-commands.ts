import { z } from 'zod';
import { externalUserIdSchema } from '../onboarding/onboarding-commands';
import { boundedText, p100IdSchema, requestIdSchema } from '../payments/payments-commands';

export const CARDS_COMMANDS_TOPIC = 'cards.commands';

/** A card id P100 issued (UUID in the sandbox); bounded and log-safe like every P100 id. */
export const cardIdSchema = p100IdSchema;

/**
 * A card PIN: exactly four digits (reference.md). It crosses the platform in memory only: the
 * commands that carry one travel on the cards secure lane (HTTP to the cards service), never
 * on a Kafka topic, and never enter the idempotency store.
 */
export const cardPinSchema = z.string().regex(/^\d{4}$/, 'must be exactly 4 digits');

/** A card's label, 3-30 characters (P100's rule), shown to the card holder. */
export const cardLabelSchema = boundedText(30).refine((v) => v.length >= 3, { message: 'must be 3-30 characters' });

export const cardRefSchema = z.strictObject({ externalUserId: externalUserIdSchema, cardId: cardIdSchema });
export type CardRef = z.infer<typeof cardRefSchema>;

export const userCardsRefSchema = z.strictObject({ externalUserId: externalUserIdSchema });
export type UserCardsRef = z.infer<typeof userCardsRefSchema>;

export const createCardSchema = z.strictObject({ externalUserId: externalUserIdSchema, label: cardLabelSchema, pin: cardPinSchema });
export type CreateCardInput = z.infer<typeof createCardSchema>;

export const updateCardPinSchema = z.strictObject({ externalUserId: externalUserIdSchema, cardId: cardIdSchema, pin: cardPinSchema });
export type UpdateCardPinInput = z.infer<typeof updateCardPinSchema>;

/** The six limits P100 keeps per card (reference.md › Card limits), in EUR (inferred). */
export const CARD_LIMIT_FIELDS = ['dailyTrxAll', 'monthlyTrxAll', 'dailyTrxAtm', 'monthlyTrxAtm', 'dailyTrxEcom', 'monthlyTrxEcom'] as const;
export type CardLimitField = (typeof CARD_LIMIT_FIELDS)[number];

/**
 * Upper bounds we check before P100 is called. P100 does not document its maxima (reference.md:
 * "maxima not retrieved"), so these defaults are ours (inferred) and each can be set per
 * deployment (CARDS_LIMIT_MAX_<FIELD>, docs/cards.md).
 */
export const CARD_LIMIT_MAXIMA_DEFAULTS: Readonly<Record<CardLimitField, string>> = {
  dailyTrxAll: '10000',
  monthlyTrxAll: '50000',
  dailyTrxAtm: '2000',
  monthlyTrxAtm: '10000',
  dailyTrxEcom: '10000',
  monthlyTrxEcom: '50000',
};

/** A limit: a non-negative EUR amount with cents at most, as a decimal string. */
export const cardLimitValueSchema = z
  .string()
  .max(16)
  .regex(/^(0|[1-9]\d{0,11})(\.\d{1,2})?$/, 'must be a non-negative decimal string with at most 2 decimals, e.g. "500" or "250.50"');

const limitsShape = Object.fromEntries(CARD_LIMIT_FIELDS.map((f) => [f, cardLimitValueSchema.optional()])) as Record<CardLimitField, z.ZodOptional<typeof cardLimitValueSchema>>;
export const cardLimitsSchema = z.strictObject(limitsShape);
export type CardLimits = z.infer<typeof cardLimitsSchema>;

/** Only the limits given change; at least one must be. */
export const updateCardLimitsSchema = z
  .strictObject({ externalUserId: externalUserIdSchema, cardId: cardIdSchema, limits: cardLimitsSchema })
  .refine((v) => Object.values(v.limits).some((l) => l !== undefined), { path: ['limits'], message: 'must set at least one limit' });
export type UpdateCardLimitsInput = z.infer<typeof updateCardLimitsSchema>;

/**
 * How a command reaches the cards service. `kafka`: the request-reply topic, like every other
 * domain command. `secure`: the cards secure lane, a direct HTTP call from the gateway to the
 * cards service, for the commands whose input or answer holds a PAN, CVV, expiry or PIN; a
 * Kafka topic is a log kept for days, and a card secret must never be in one.
 */
export type CardsLane = 'kafka' | 'secure';

const requestIdField = { requestId: requestIdSchema };

/** Command types of the cards service, their payload schemas and lanes. */
export const CardsCommands = {
  // Creating a card costs the partner a monthly fee and counts against the user's card limits:
  // it is keyed on the caller's Idempotency-Key (requestId), like a money movement.
  createCard: { type: 'cards.create-card.v1', schema: createCardSchema.safeExtend(requestIdField), lane: 'secure' },
  listCards: { type: 'cards.list-cards.v1', schema: userCardsRefSchema, lane: 'kafka' },
  getCard: { type: 'cards.get-card.v1', schema: cardRefSchema, lane: 'kafka' },
  revealCard: { type: 'cards.reveal-card.v1', schema: cardRefSchema, lane: 'secure' },
  updatePin: { type: 'cards.update-pin.v1', schema: updateCardPinSchema, lane: 'secure' },
  blockCard: { type: 'cards.block-card.v1', schema: cardRefSchema, lane: 'kafka' },
  unblockCard: { type: 'cards.unblock-card.v1', schema: cardRefSchema, lane: 'kafka' },
  getLimits: { type: 'cards.get-limits.v1', schema: cardRefSchema, lane: 'kafka' },
  updateLimits: { type: 'cards.update-limits.v1', schema: updateCardLimitsSchema, lane: 'kafka' },
  deleteCard: { type: 'cards.delete-card.v1', schema: cardRefSchema, lane: 'kafka' },
} as const satisfies Record<string, { type: string; schema: z.ZodType; lane: CardsLane }>;

/** The secure lane's path on the cards service's HTTP port (internal network only, token-guarded). */
export const CARDS_SECURE_LANE_PATH = '/internal/v1/commands';
