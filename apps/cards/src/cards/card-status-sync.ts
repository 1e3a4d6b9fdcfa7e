import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CARD_STATUSES, type CardStatus } from '@platform/contracts';
import { P100Client, type CardSummary } from '@platform/p100-client';
import type { CardEntity, IssuedCard } from './card.entity';
import { CardLifecycle } from './card-lifecycle';
import { CardsRepository } from './cards.repository';

/**
 * Brings our rows of a user's cards to the statuses P100 lists (Get All User Cards): P100 can
 * change a card without telling us (its support, a suspension, a deletion of the user), and no
 * webhook reports a card's status. Every change goes through CardLifecycle with cause `sync`.
 * Cards P100 lists that no row of ours holds are left alone: a lost create is the reconciler's.
 */
@Injectable()
export class CardStatusSync {
  constructor(
    private readonly dataSource: DataSource,
    private readonly p100: P100Client,
    private readonly cards: CardsRepository,
    private readonly lifecycle: CardLifecycle,
  ) {}

  /** Returns P100's list as it answered, for callers that need more than the statuses. */
  async refresh(externalUserId: string): Promise<CardSummary[]> {
    const { cards: listed = [] } = (await this.p100.cards.getAll(externalUserId)) ?? {};
    const atP100 = new Map(listed.map((c) => [c.cardId, c]));
    await this.dataSource.transaction(async (manager) => {
      for (const card of await this.cards.listIssued(externalUserId, manager)) {
        const status = knownStatus(atP100.get(card.cardId)?.status);
        if (status && status !== card.status) await this.lifecycle.changeStatus(manager, card.id, status, 'sync');
      }
    });
    return listed;
  }

  /**
   * P100 answered "card not found" (P434) for a card our row gives the user: deleted there, or
   * (as the sandbox does for unblocking a suspended card) in a status that forbids the call. The
   * refresh records which; answers our row as it is afterwards, or undefined if P100 cannot say.
   */
  async afterCardNotFound(card: IssuedCard): Promise<CardEntity | undefined> {
    try {
      await this.refresh(card.externalUserId);
    } catch {
      return undefined;
    }
    return (await this.cards.findById(card.id)) ?? undefined;
  }
}

/**
 * A status we can keep; an unlisted card or a status word we do not know changes nothing (a
 * card P100 no longer lists may be a paging or consistency matter, not a deletion).
 */
function knownStatus(status: string | undefined): CardStatus | undefined {
  return CARD_STATUSES.find((s) => s === status && s !== 'CREATING');
}
