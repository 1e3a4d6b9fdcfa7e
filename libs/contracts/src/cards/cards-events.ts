import { z } from 'zod';
import { decimalSchema } from '../payments/money';
import { cardViewSchema } from './cards-views';

export const CARDS_EVENTS_TOPIC = 'cards.events';

/**
 * One-time codes (3-D Secure, digital-wallet activation) for the product service that shows them
 * to the card holder: a topic of its own, with retention of minutes (topic catalog), read by
 * that service alone. The code is sealed (AES-256-GCM, CARDS_SECURE_CODE_KEYS): the outbox row
 * and the Kafka log hold ciphertext only (docs/cards.md).
 */
export const CARDS_SECURE_CODES_TOPIC = 'cards.secure-codes';

const isoTimestamp = z.string().describe('RFC 3339 timestamp');

/** A card changed status (or its limits); the event carries the card as the platform keeps it. */
export const cardEventSchema = z.object({ card: cardViewSchema, at: isoTimestamp });
export type CardEvent = z.infer<typeof cardEventSchema>;

/** A card transaction P100 reported (Card Transaction webhook). */
export const cardTransactionEventSchema = z.object({
  transactionId: z.string().nullable(),
  cardId: z.string(),
  externalUserId: z.string().nullable(),
  merchantName: z.string().nullable(),
  amount: decimalSchema.nullable(),
  currency: z.string().nullable(),
  /** P100's status word (the sandbox: APPROVED or DECLINED). */
  status: z.string(),
  declineReason: z.string().nullable(),
  createdAt: isoTimestamp.nullable(),
});
export type CardTransactionEvent = z.infer<typeof cardTransactionEventSchema>;

export const SECURE_CODE_KINDS = ['3ds', 'activation'] as const;

export const secureCodeEventSchema = z.object({
  kind: z.enum(SECURE_CODE_KINDS),
  cardId: z.string(),
  externalUserId: z.string().nullable(),
  /** `sealed:v1:<key id>:…`: open with the CARDS_SECURE_CODE_KEYS key (libs/platform/secrets OneTimeCodeSealer). */
  sealedCode: z.string().startsWith('sealed:v1:'),
  merchantName: z.string().nullable(),
  amount: decimalSchema.nullable(),
  currency: z.string().nullable(),
  issuedAt: isoTimestamp,
  /** After this the code is useless: a consumer that is late drops it rather than show it. */
  expiresAt: isoTimestamp,
});
export type SecureCodeEvent = z.infer<typeof secureCodeEventSchema>;

/** Events published by the cards service. Card events are keyed by cardId. */
export const CardsEvents = {
  cardCreated: { type: 'cards.card.created.v1', schema: cardEventSchema, description: 'P100 issued the card (status ACTIVE).' },
  cardBlocked: { type: 'cards.card.blocked.v1', schema: cardEventSchema, description: 'The card was blocked: no transactions until unblocked.' },
  cardUnblocked: { type: 'cards.card.unblocked.v1', schema: cardEventSchema, description: 'The card was unblocked (status ACTIVE).' },
  cardDeleted: { type: 'cards.card.deleted.v1', schema: cardEventSchema, description: 'The card was deleted at P100; permanent.' },
  cardLimitsUpdated: { type: 'cards.card.limits-updated.v1', schema: cardEventSchema, description: 'New limits, effective at once.' },
  cardPinChanged: { type: 'cards.card.pin-changed.v1', schema: cardEventSchema, description: 'The PIN was changed (the event never carries it).' },
  cardTransaction: { type: 'cards.transaction.v1', schema: cardTransactionEventSchema, description: 'A card transaction P100 reported: merchant, amount, currency, status.' },
} as const;

export const SecureCodeEvents = {
  secureCode: { type: 'cards.secure-code.v1', schema: secureCodeEventSchema, description: 'A sealed one-time code (3-D Secure or wallet activation) for the card holder.' },
} as const;
