import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { CardStatus } from './card';
import { listCards } from './cards.repository';
import { requireCardUser } from './require-card';

export interface CardSummaryView {
  cardId: string;
  status: CardStatus;
  label: string;
  cardLastDigits: string;
}

/** Get All User Cards (#51): every card of the user, deleted ones included with status DELETED (inferred). */
@Injectable()
export class ListUserCardsHandler {
  constructor(private readonly dataSource: DataSource) {}

  async execute(externalUserId: string): Promise<{ cards: CardSummaryView[] }> {
    const user = await requireCardUser(this.dataSource, externalUserId);
    const cards = await listCards(this.dataSource, user.id);
    return { cards: cards.map((c) => ({ cardId: c.id, status: c.status, label: c.label, cardLastDigits: c.last4 })) };
  }
}
