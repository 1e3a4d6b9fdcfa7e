import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CardsCommands, type CardView, type UpdateCardPinInput } from '@platform/contracts';
import type { CommandHandler } from '@platform/kafka';
import { P100Client } from '@platform/p100-client';
import { toCardView } from './card.entity';
import { CardLifecycle } from './card-lifecycle';
import { CardsRepository } from './cards.repository';
import { P100CardCall } from './p100-card-call';

/**
 * Update Card PIN (secure lane only). The PIN goes to P100 and nowhere else: no intent (setting
 * the same PIN twice is harmless, so a repeat needs no record), no history value, no event field.
 * What is kept is the fact: a history row and `cards.card.pin-changed.v1`.
 */
@Injectable()
export class UpdatePinHandler implements CommandHandler<UpdateCardPinInput, CardView> {
  readonly schema = CardsCommands.updatePin.schema;

  constructor(
    private readonly dataSource: DataSource,
    private readonly cards: CardsRepository,
    private readonly lifecycle: CardLifecycle,
    private readonly p100: P100Client,
    private readonly call: P100CardCall,
  ) {}

  async handle(input: UpdateCardPinInput): Promise<CardView> {
    const card = await this.cards.getUsersCard(input.externalUserId, input.cardId);
    await this.call.run(card, () => this.p100.cards.updatePin({ externalUserId: input.externalUserId, cardId: input.cardId, pin: input.pin }));
    return toCardView(await this.dataSource.transaction((manager) => this.lifecycle.recordPinChanged(manager, card.id, 'command')));
  }
}
