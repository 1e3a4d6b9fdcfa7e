import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CardsCommands, DomainError, type CardRef, type CardStatus, type CardView } from '@platform/contracts';
import type { CommandHandler } from '@platform/kafka';
import { P100CardNotFoundError, P100Client, type CardActionResult, type CardsResource } from '@platform/p100-client';
import { toCardView, type IssuedCard } from './card.entity';
import { CardLifecycle } from './card-lifecycle';
import { CardsRepository } from './cards.repository';
import { P100CardCall } from './p100-card-call';

export type CardStatusChange = 'block' | 'unblock' | 'delete';

const CHANGES: Record<CardStatusChange, { to: CardStatus; call: (cards: CardsResource, ref: CardRef) => Promise<CardActionResult> }> = {
  block: { to: 'BLOCKED', call: (cards, ref) => cards.block(ref) },
  unblock: { to: 'ACTIVE', call: (cards, ref) => cards.unblock(ref) },
  delete: { to: 'DELETED', call: (cards, ref) => cards.delete(ref) },
};

/**
 * Block, unblock and delete: P100's call, then the status change through CardLifecycle (row,
 * history, event). Each is safe to repeat: P100 accepts blocking a blocked card, and a status
 * that does not change writes nothing. A delete whose answer was lost is found on the repeat:
 * P100 no longer knows the card (P434), DELETED is recorded, and the deleted card is the
 * answer. After that the card is gone for every operation (CARD_NOT_FOUND).
 */
export class ChangeCardStatusHandler implements CommandHandler<CardRef, CardView> {
  readonly schema = CardsCommands.blockCard.schema;

  constructor(
    private readonly change: CardStatusChange,
    private readonly dataSource: DataSource,
    private readonly cards: CardsRepository,
    private readonly lifecycle: CardLifecycle,
    private readonly p100: P100Client,
    private readonly call: P100CardCall,
  ) {}

  async handle(ref: CardRef): Promise<CardView> {
    const card = await this.cards.getUsersCard(ref.externalUserId, ref.cardId);
    const { to, call } = CHANGES[this.change];
    try {
      await this.call.run(card, () => call(this.p100.cards, ref));
    } catch (error) {
      if (this.change === 'delete' && isCardNotFound(error)) return this.deletedAtP100(card);
      throw error;
    }
    const { card: changed } = await this.dataSource.transaction((manager) => this.lifecycle.changeStatus(manager, card.id, to, 'command'));
    return toCardView(changed);
  }

  /**
   * P100 does not know a card our row gives the user: it is deleted there (by a delete whose
   * answer we lost, or by P100 itself), which is what was asked for. Recorded as learnt (`sync`).
   */
  private async deletedAtP100(card: IssuedCard): Promise<CardView> {
    const { card: deleted } = await this.dataSource.transaction((manager) => this.lifecycle.changeStatus(manager, card.id, 'DELETED', 'sync'));
    return toCardView(deleted);
  }
}

const isCardNotFound = (error: unknown) => error instanceof P100CardNotFoundError || (error instanceof DomainError && error.code === 'CARD_NOT_FOUND');

/** One injectable per command, over the one path above. */
@Injectable()
export class BlockCardHandler extends ChangeCardStatusHandler {
  constructor(dataSource: DataSource, cards: CardsRepository, lifecycle: CardLifecycle, p100: P100Client, call: P100CardCall) {
    super('block', dataSource, cards, lifecycle, p100, call);
  }
}

@Injectable()
export class UnblockCardHandler extends ChangeCardStatusHandler {
  constructor(dataSource: DataSource, cards: CardsRepository, lifecycle: CardLifecycle, p100: P100Client, call: P100CardCall) {
    super('unblock', dataSource, cards, lifecycle, p100, call);
  }
}

@Injectable()
export class DeleteCardHandler extends ChangeCardStatusHandler {
  constructor(dataSource: DataSource, cards: CardsRepository, lifecycle: CardLifecycle, p100: P100Client, call: P100CardCall) {
    super('delete', dataSource, cards, lifecycle, p100, call);
  }
}
