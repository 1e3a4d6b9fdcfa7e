import { Injectable } from '@nestjs/common';
import { DomainError } from '@platform/contracts';
import { P100CardNotFoundError } from '@platform/p100-client';
import type { IssuedCard } from './card.entity';
import { CardStatusSync } from './card-status-sync';
import { cardNotFound } from './cards.repository';

/**
 * Runs a P100 call about a card our row gives the user. When P100 answers "card not found"
 * (P434) our row is behind: the user's cards are refreshed from P100, and the answer says what
 * P100 has — deleted (CARD_NOT_FOUND, as for every later call) or in a status that forbids the
 * call (CARD_NOT_ACTIVE).
 */
@Injectable()
export class P100CardCall {
  constructor(private readonly sync: CardStatusSync) {}

  async run<T>(card: IssuedCard, call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      if (!(error instanceof P100CardNotFoundError)) throw error;
      const now = await this.sync.afterCardNotFound(card);
      if (now?.status === 'DELETED') throw cardNotFound(card.externalUserId, card.cardId);
      if (now && now.status !== 'ACTIVE') throw new DomainError('CARD_NOT_ACTIVE', `card ${card.cardId} is ${now.status} at P100`, { status: now.status });
      throw error;
    }
  }
}
