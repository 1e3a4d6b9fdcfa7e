import { Injectable } from '@nestjs/common';
import { CardsCommands, type CardRef, type CardView } from '@platform/contracts';
import type { CommandHandler } from '@platform/kafka';
import { toCardView } from './card.entity';
import { CardsRepository } from './cards.repository';

/** One card as we keep it; no P100 call (list refreshes statuses). CARD_NOT_FOUND if it is not the user's, or deleted. */
@Injectable()
export class GetCardHandler implements CommandHandler<CardRef, CardView> {
  readonly schema = CardsCommands.getCard.schema;

  constructor(private readonly cards: CardsRepository) {}

  async handle({ externalUserId, cardId }: CardRef): Promise<CardView> {
    return toCardView(await this.cards.getUsersCard(externalUserId, cardId));
  }
}
