import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CARDS_EVENTS_TOPIC, CardsEvents, DomainError, type CardLimitsView, type CardStatus } from '@platform/contracts';
import { enqueueEvent } from '@platform/database';
import { CardEntity, isIssued, toCardView, type IssuedCard } from './card.entity';
import { sameLimits } from './card-limits';
import { CardsRepository } from './cards.repository';

/** Who told us about a change: our command's P100 answer, a webhook, the intent reconciler, or a refresh from P100's list. */
export type CardChangeCause = 'command' | 'webhook' | 'reconciler' | 'sync';

/** What P100 said of a card it issued. */
export interface IssuedAtP100 {
  cardId: string;
  lastFour: string | null;
  status: CardStatus;
}

/**
 * Whether a card may go from one status to another. DELETED is final (P100: "permanent, cannot
 * be undone"); CREATING is left only by `markIssued`, which needs P100's card id; the statuses
 * in between (ACTIVE, LOCKED_BY_USER, BLOCKED, SUSPENDED) may follow one another in any order.
 */
export function mayChangeStatus(from: CardStatus, to: CardStatus): boolean {
  return from !== to && from !== 'DELETED' && from !== 'CREATING' && to !== 'CREATING';
}

/**
 * The one way a card changes: the row, its history row and its event (through the outbox), in
 * the caller's transaction, under a row lock, so that a command, a refresh and the reconciler
 * racing on one card each see the others' result. A change that changes nothing writes nothing:
 * a repeated command emits no second event.
 */
@Injectable()
export class CardLifecycle {
  constructor(private readonly cards: CardsRepository) {}

  /** P100 issued the card of a CREATING row (its answer, or the reconciler found it). */
  async markIssued(manager: EntityManager, id: string, issued: IssuedAtP100, cause: CardChangeCause): Promise<IssuedCard> {
    const card = await this.cards.lock(manager, id);
    if (card.status !== 'CREATING') return issuedOrGone(card);
    Object.assign(card, { cardId: issued.cardId, lastFour: issued.lastFour, status: issued.status, updatedAt: new Date() });
    await this.save(manager, card, ['cardId', 'lastFour', 'status']);
    await this.record(manager, card as IssuedCard, { kind: 'status', from: 'CREATING', cause, event: CardsEvents.cardCreated.type });
    return card as IssuedCard;
  }

  /** A status P100 confirmed (its answer to block/unblock/delete, or its list). */
  async changeStatus(manager: EntityManager, id: string, to: CardStatus, cause: CardChangeCause): Promise<{ card: IssuedCard; moved: boolean }> {
    const card = await this.cards.lock(manager, id);
    const from = card.status;
    if (!isIssued(card) || !mayChangeStatus(from, to)) return { card: issuedOrGone(card), moved: false };
    Object.assign(card, { status: to, updatedAt: new Date() });
    await this.save(manager, card, ['status']);
    await this.record(manager, card, { kind: 'status', from, cause, event: statusEvent(to) });
    return { card, moved: true };
  }

  /** P100 took a new PIN. The PIN itself never comes here: only the fact, for the history and the event. */
  async recordPinChanged(manager: EntityManager, id: string, cause: CardChangeCause): Promise<IssuedCard> {
    const card = issuedOrGone(await this.cards.lock(manager, id));
    card.updatedAt = new Date();
    await this.save(manager, card, []);
    await this.record(manager, card, { kind: 'pin', from: card.status, cause, event: CardsEvents.cardPinChanged.type });
    return card;
  }

  /**
   * The limits P100 holds now. `announce`: they were changed by us (history and event); a read
   * from P100 only refreshes the row.
   */
  async recordLimits(manager: EntityManager, id: string, limits: CardLimitsView, cause: CardChangeCause, announce: boolean): Promise<IssuedCard> {
    const card = issuedOrGone(await this.cards.lock(manager, id));
    if (sameLimits(card.limits, limits)) return card;
    Object.assign(card, { limits, updatedAt: new Date() });
    await this.save(manager, card, ['limits']);
    if (announce) await this.record(manager, card, { kind: 'limits', from: card.status, cause, event: CardsEvents.cardLimitsUpdated.type });
    return card;
  }

  private async save(manager: EntityManager, card: CardEntity, fields: ReadonlyArray<keyof CardEntity>): Promise<void> {
    const changes: Partial<CardEntity> = { updatedAt: card.updatedAt };
    for (const field of fields) Object.assign(changes, { [field]: card[field] });
    await manager.update(CardEntity, { id: card.id }, changes as never);
  }

  private async record(manager: EntityManager, card: IssuedCard, change: { kind: 'status' | 'pin' | 'limits'; from: CardStatus; cause: CardChangeCause; event: string }): Promise<void> {
    await manager.query('INSERT INTO card_status_changes (card, kind, from_status, to_status, cause, at) VALUES ($1, $2, $3, $4, $5, $6)', [
      card.id,
      change.kind,
      change.from,
      card.status,
      change.cause,
      card.updatedAt,
    ]);
    await enqueueEvent(manager, {
      topic: CARDS_EVENTS_TOPIC,
      key: card.cardId,
      type: change.event,
      payload: { card: toCardView(card), at: card.updatedAt.toISOString() },
      occurredAt: card.updatedAt,
    });
  }
}

/**
 * The event of a new status. LOCKED_BY_USER and SUSPENDED stop transactions as BLOCKED does, and
 * leaving any of them is an unblock: consumers read the exact status from the event's card.
 */
function statusEvent(to: CardStatus): string {
  if (to === 'DELETED') return CardsEvents.cardDeleted.type;
  if (to === 'ACTIVE') return CardsEvents.cardUnblocked.type;
  return CardsEvents.cardBlocked.type;
}

/** A row that is no longer CREATING has P100's id; one that still is cannot be acted on. */
function issuedOrGone(card: CardEntity): IssuedCard {
  if (!isIssued(card)) throw new DomainError('CARD_NOT_ACTIVE', `card ${card.id} is still being created`);
  return card;
}
