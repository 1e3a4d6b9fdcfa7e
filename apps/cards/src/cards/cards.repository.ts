import { Injectable } from '@nestjs/common';
import { DataSource, In, IsNull, Not, type EntityManager } from 'typeorm';
import { DomainError } from '@platform/contracts';
import { CardEntity, isIssued, type IssuedCard } from './card.entity';

export interface NewCardRow {
  id: string;
  externalUserId: string;
  label: string;
  requestId: string;
}

/** Reads and the few writes that are not status changes (those go through CardLifecycle). */
@Injectable()
export class CardsRepository {
  constructor(private readonly dataSource: DataSource) {}

  findByRequestId(requestId: string): Promise<CardEntity | null> {
    return this.dataSource.manager.findOne(CardEntity, { where: { requestId } });
  }

  findById(id: string, manager: EntityManager = this.dataSource.manager): Promise<CardEntity | null> {
    return manager.findOne(CardEntity, { where: { id } });
  }

  /**
   * The user's card for a command, by P100's id. Another user's card is answered like a card
   * that does not exist (nobody learns which ids exist), and so is a deleted one: deletion is final.
   */
  async getUsersCard(externalUserId: string, cardId: string): Promise<IssuedCard> {
    const card = await this.dataSource.manager.findOne(CardEntity, { where: { cardId, externalUserId } });
    if (!card || !isIssued(card) || card.status === 'DELETED') throw cardNotFound(externalUserId, cardId);
    return card;
  }

  /** The user's cards to show: issued and not deleted, oldest first. */
  async listShown(externalUserId: string): Promise<IssuedCard[]> {
    const cards = await this.dataSource.manager.find(CardEntity, {
      where: { externalUserId, status: Not(In(['CREATING', 'DELETED'])) },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    return cards.filter(isIssued);
  }

  /** Every card row of the user that P100 has issued, deleted ones too (what a refresh compares). */
  async listIssued(externalUserId: string, manager: EntityManager = this.dataSource.manager): Promise<IssuedCard[]> {
    const cards = await manager.find(CardEntity, { where: { externalUserId, cardId: Not(IsNull()) }, order: { createdAt: 'ASC' } });
    return cards.filter(isIssued);
  }

  /** The CREATING row of a create; false when the request id already has a row (a repeat, or a race). */
  async insertCreating(row: NewCardRow): Promise<boolean> {
    const inserted: unknown[] = await this.dataSource.query(
      `INSERT INTO cards (id, external_user_id, label, status, request_id) VALUES ($1, $2, $3, 'CREATING', $4)
       ON CONFLICT (request_id) DO NOTHING RETURNING id`,
      [row.id, row.externalUserId, row.label, row.requestId],
    );
    return inserted.length > 0;
  }

  /** P100 has no such card: the row goes, and its request id with it, so a retry starts afresh. */
  async removeCreating(manager: EntityManager, id: string): Promise<void> {
    await manager.query(`DELETE FROM cards WHERE id = $1 AND status = 'CREATING'`, [id]);
  }

  /** Which of these P100 card ids a row of ours holds already. */
  async heldCardIds(manager: EntityManager, cardIds: readonly string[]): Promise<Set<string>> {
    if (cardIds.length === 0) return new Set();
    const rows: Array<{ card_id: string }> = await manager.query('SELECT card_id FROM cards WHERE card_id = ANY($1::text[])', [cardIds]);
    return new Set(rows.map((r) => r.card_id));
  }

  /** Row-locks a card for a change inside the caller's transaction. */
  async lock(manager: EntityManager, id: string): Promise<CardEntity> {
    const card = await manager.findOne(CardEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!card) throw new DomainError('CARD_NOT_FOUND', `card ${id} no longer exists`);
    return card;
  }
}

export function cardNotFound(externalUserId: string, cardId: string): DomainError {
  return new DomainError('CARD_NOT_FOUND', `user ${externalUserId} has no card ${cardId}`);
}
