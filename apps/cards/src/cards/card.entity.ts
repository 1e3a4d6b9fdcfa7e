import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CardLimitsView, CardStatus, CardView } from '@platform/contracts';

/**
 * A card as the platform keeps it: who holds it, what it is called, its last four digits, status
 * and limits. Never its number, CVV, expiry or PIN (docs/cards.md); there is no column for them.
 */
@Entity({ name: 'cards' })
export class CardEntity {
  /** Ours, given before P100 is called, so a lost answer still has a row to settle. */
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  /** P100's id: null while CREATING. */
  @Column({ name: 'card_id', type: 'text', nullable: true })
  cardId!: string | null;

  @Column({ name: 'external_user_id', type: 'text' })
  externalUserId!: string;

  @Column({ type: 'text' })
  label!: string;

  @Column({ name: 'last_four', type: 'text', nullable: true })
  lastFour!: string | null;

  @Column({ type: 'text' })
  status!: CardStatus;

  @Column({ type: 'jsonb', nullable: true })
  limits!: CardLimitsView | null;

  @Column({ name: 'request_id', type: 'text' })
  requestId!: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

/** A card P100 has issued: its id is known (every card but a CREATING one). */
export type IssuedCard = CardEntity & { cardId: string };

export const isIssued = (card: CardEntity): card is IssuedCard => card.cardId !== null;

export function toCardView(card: IssuedCard): CardView {
  return {
    cardId: card.cardId,
    externalUserId: card.externalUserId,
    label: card.label,
    lastFour: card.lastFour,
    status: card.status,
    limits: card.limits,
    createdAt: card.createdAt.toISOString(),
    updatedAt: card.updatedAt.toISOString(),
  };
}
