import { z } from 'zod';
import { CARD_LIMIT_FIELDS, cardLimitValueSchema, type CardLimitField } from './cards-commands';

/**
 * Card statuses: P100's (ACTIVE, LOCKED_BY_USER, BLOCKED, SUSPENDED, DELETED; reference.md,
 * third-party code) plus CREATING, ours, while P100's answer to Create Virtual Card is awaited.
 */
export const CARD_STATUSES = ['CREATING', 'ACTIVE', 'LOCKED_BY_USER', 'BLOCKED', 'SUSPENDED', 'DELETED'] as const;
export type CardStatus = (typeof CARD_STATUSES)[number];

const isoTimestamp = z.string().describe('RFC 3339 timestamp');

export const cardLimitsViewSchema = z.object(
  Object.fromEntries(CARD_LIMIT_FIELDS.map((f) => [f, cardLimitValueSchema])) as Record<CardLimitField, typeof cardLimitValueSchema>,
);
export type CardLimitsView = z.infer<typeof cardLimitsViewSchema>;

/**
 * A card as the platform keeps it: never its number, CVV, expiry or PIN (docs/cards.md). The
 * last four digits identify the card to its holder, as on a statement.
 */
export const cardViewSchema = z.object({
  cardId: z.string(),
  externalUserId: z.string(),
  label: z.string(),
  lastFour: z.string().nullable(),
  status: z.enum(CARD_STATUSES),
  /** The limits last read from or written to P100; null until then. */
  limits: cardLimitsViewSchema.nullable(),
  createdAt: isoTimestamp,
  updatedAt: isoTimestamp,
});
export type CardView = z.infer<typeof cardViewSchema>;

export const cardListViewSchema = z.object({ externalUserId: z.string(), cards: z.array(cardViewSchema) });
export type CardListView = z.infer<typeof cardListViewSchema>;

export const cardLimitsAnswerSchema = z.object({ cardId: z.string(), limits: cardLimitsViewSchema });
export type CardLimitsAnswer = z.infer<typeof cardLimitsAnswerSchema>;

/**
 * The card's sensitive data, answered to a caller with `cards:reveal` only: in memory, on the
 * secure lane, `Cache-Control: no-store`; never stored, logged, queued or replayed.
 */
export const cardSecretsViewSchema = z.object({
  cardId: z.string(),
  cardNumber: z.string(),
  cvv: z.string(),
  /** MM/YY, as P100 writes it. */
  expiry: z.string(),
  status: z.string(),
});
export type CardSecretsView = z.infer<typeof cardSecretsViewSchema>;
