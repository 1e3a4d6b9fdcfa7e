import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CardsCommands, type CardLimitsAnswer, type CardRef } from '@platform/contracts';
import type { CommandHandler } from '@platform/kafka';
import { P100Client } from '@platform/p100-client';
import { limitsFromP100 } from './card-limits';
import { CardLifecycle } from './card-lifecycle';
import { CardsRepository } from './cards.repository';
import { P100CardCall } from './p100-card-call';

/**
 * Get Card Limits from P100, which holds them. P100 writes them as JSON numbers; the client reads
 * them as their exact decimal text, and so they stay: stored on the card and answered as strings.
 */
@Injectable()
export class GetLimitsHandler implements CommandHandler<CardRef, CardLimitsAnswer> {
  readonly schema = CardsCommands.getLimits.schema;

  constructor(
    private readonly dataSource: DataSource,
    private readonly cards: CardsRepository,
    private readonly lifecycle: CardLifecycle,
    private readonly p100: P100Client,
    private readonly call: P100CardCall,
  ) {}

  async handle(ref: CardRef): Promise<CardLimitsAnswer> {
    const card = await this.cards.getUsersCard(ref.externalUserId, ref.cardId);
    const limits = limitsFromP100(await this.call.run(card, () => this.p100.cards.getLimits(ref)));
    // A read: the row learns P100's values, without a history row or an event.
    await this.dataSource.transaction((manager) => this.lifecycle.recordLimits(manager, card.id, limits, 'sync', false));
    return { cardId: card.cardId, limits };
  }
}
