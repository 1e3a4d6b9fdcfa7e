import { Injectable } from '@nestjs/common';
import { CardsCommands, type CardListView, type UserCardsRef } from '@platform/contracts';
import type { CommandHandler } from '@platform/kafka';
import { toCardView } from './card.entity';
import { CardStatusSync } from './card-status-sync';
import { CardsRepository } from './cards.repository';

/**
 * The user's cards: statuses refreshed from P100 first (it may have blocked or deleted a card
 * without telling us), then our rows, oldest first. Deleted cards are not shown, and neither are
 * cards still being created: they have no P100 id to act on yet.
 */
@Injectable()
export class ListCardsHandler implements CommandHandler<UserCardsRef, CardListView> {
  readonly schema = CardsCommands.listCards.schema;

  constructor(
    private readonly sync: CardStatusSync,
    private readonly cards: CardsRepository,
  ) {}

  async handle({ externalUserId }: UserCardsRef): Promise<CardListView> {
    await this.sync.refresh(externalUserId);
    const cards = await this.cards.listShown(externalUserId);
    return { externalUserId, cards: cards.map(toCardView) };
  }
}
