import { Injectable } from '@nestjs/common';
import { CardsCommands, DomainError, type CardRef, type CardSecretsView } from '@platform/contracts';
import type { CommandHandler } from '@platform/kafka';
import { P100Client } from '@platform/p100-client';
import { laneCaller } from '../secure-lane/lane-context';
import type { IssuedCard } from './card.entity';
import { CardRevealAudit, type RevealAttempt } from './card-reveal.audit';
import { CardsRepository } from './cards.repository';
import { P100CardCall } from './p100-card-call';

/**
 * Reveal (secure lane only): the card's number, CVV and expiry from P100's Get Card Details,
 * held in memory for this answer and nowhere else. Every attempt is audited (who, which card,
 * when, outcome), and the data is answered only after its audit row is written.
 */
@Injectable()
export class RevealCardHandler implements CommandHandler<CardRef, CardSecretsView> {
  readonly schema = CardsCommands.revealCard.schema;

  constructor(
    private readonly cards: CardsRepository,
    private readonly p100: P100Client,
    private readonly call: P100CardCall,
    private readonly audit: CardRevealAudit,
  ) {}

  async handle(ref: CardRef): Promise<CardSecretsView> {
    const attempt: RevealAttempt = { ...ref, caller: laneCaller() ?? 'unknown' };
    let card: IssuedCard;
    try {
      card = await this.cards.getUsersCard(ref.externalUserId, ref.cardId);
      if (card.status === 'CREATING') throw new DomainError('CARD_NOT_ACTIVE', `card ${ref.cardId} is still being created`);
    } catch (error) {
      await this.audit.record(attempt, 'refused', error);
      throw error;
    }
    let details;
    try {
      details = await this.call.run(card, () => this.p100.cards.getDetails(ref));
    } catch (error) {
      await this.audit.record(attempt, 'failed', error);
      throw error;
    }
    await this.audit.record(attempt, 'revealed');
    return { cardId: card.cardId, cardNumber: details.cardNumber, cvv: details.cvv, expiry: details.exp, status: details.status };
  }
}
