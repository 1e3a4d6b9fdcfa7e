import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { P100Error } from '../errors/p100-error';
import { parseP100Input } from '../errors/parse-p100-input';
import type { CardStatus } from './card';
import { cardRefRequest } from './card.request';
import { setCardStatus } from './cards.repository';
import { requireCard } from './require-card';

export type CardStatusChange = 'block' | 'unblock' | 'delete';

const CHANGES: Record<CardStatusChange, { to: CardStatus; from: readonly CardStatus[]; allowSuspended: boolean; message: string }> = {
  // Block is temporary: no transactions until unblocked. Blocking a blocked card is harmless.
  block: { to: 'BLOCKED', from: ['ACTIVE', 'LOCKED_BY_USER', 'BLOCKED'], allowSuspended: true, message: 'Card blocked' },
  unblock: { to: 'ACTIVE', from: ['BLOCKED', 'LOCKED_BY_USER', 'ACTIVE'], allowSuspended: false, message: 'Card unblocked' },
  // Delete is permanent; a deleted card is gone for every later call (P434).
  delete: { to: 'DELETED', from: ['ACTIVE', 'LOCKED_BY_USER', 'BLOCKED', 'SUSPENDED'], allowSuspended: true, message: 'Card deleted' },
};

/**
 * Block (#54), Unblock (#55) and Delete Card (#58): one status transition each, by CardRef body.
 * A suspended user may still block or delete a card, never unblock one (P455). A transition the
 * card's status does not allow (unblocking a SUSPENDED card) answers P434 with the reason (inferred).
 */
@Injectable()
export class ChangeCardStatusHandler {
  constructor(private readonly dataSource: DataSource) {}

  async execute(change: CardStatusChange, body: unknown): Promise<{ message: string }> {
    const input = parseP100Input(cardRefRequest, body);
    const rule = CHANGES[change];
    await this.dataSource.transaction(async (tx) => {
      const { card } = await requireCard(tx, input.externalUserId, input.cardId, { lock: true, notSuspended: !rule.allowSuspended });
      if (!rule.from.includes(card.status)) throw new P100Error('P434', `Card is ${card.status} and cannot be changed by ${change}`);
      await setCardStatus(tx, card.id, rule.to);
    });
    return { message: rule.message };
  }
}
