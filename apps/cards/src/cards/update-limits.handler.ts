import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CARD_LIMIT_FIELDS, CardsCommands, type CardLimitsView, type CardView, type UpdateCardLimitsInput } from '@platform/contracts';
import type { CommandHandler } from '@platform/kafka';
import { P100Client } from '@platform/p100-client';
import { CARDS_CONFIG, type CardsConfig } from '../cards.config';
import { toCardView, type IssuedCard } from './card.entity';
import { checkLimitMaxima, limitsFromP100, mergeLimits } from './card-limits';
import { CardLifecycle } from './card-lifecycle';
import { CardsRepository } from './cards.repository';
import { P100CardCall } from './p100-card-call';

/**
 * Update Card Limits. Each given limit is checked against our maxima (CARDS_LIMIT_MAX_*) before
 * anything else, and P100 is sent all six (the client code P100 documents sends all six; the
 * sandbox would take fewer): the given ones over P100's current ones, read first unless all six
 * are given. Setting the same limits again changes nothing and emits nothing.
 */
@Injectable()
export class UpdateLimitsHandler implements CommandHandler<UpdateCardLimitsInput, CardView> {
  readonly schema = CardsCommands.updateLimits.schema;

  constructor(
    private readonly dataSource: DataSource,
    private readonly cards: CardsRepository,
    private readonly lifecycle: CardLifecycle,
    private readonly p100: P100Client,
    private readonly call: P100CardCall,
    @Inject(CARDS_CONFIG) private readonly config: CardsConfig,
  ) {}

  async handle(input: UpdateCardLimitsInput): Promise<CardView> {
    checkLimitMaxima(input.limits, this.config.limitMaxima);
    const ref = { externalUserId: input.externalUserId, cardId: input.cardId };
    const card = await this.cards.getUsersCard(ref.externalUserId, ref.cardId);
    const limits = mergeLimits(await this.currentLimits(card, input), input.limits);
    await this.call.run(card, () => this.p100.cards.updateLimits(ref, limits));
    return toCardView(await this.dataSource.transaction((manager) => this.lifecycle.recordLimits(manager, card.id, limits, 'command', true)));
  }

  private async currentLimits(card: IssuedCard, input: UpdateCardLimitsInput): Promise<CardLimitsView> {
    if (CARD_LIMIT_FIELDS.every((f) => input.limits[f] !== undefined)) return input.limits as CardLimitsView;
    return limitsFromP100(await this.call.run(card, () => this.p100.cards.getLimits({ externalUserId: card.externalUserId, cardId: card.cardId })));
  }
}
