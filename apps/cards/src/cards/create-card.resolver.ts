import { Injectable } from '@nestjs/common';
import { CARD_STATUSES, type CardStatus } from '@platform/contracts';
import type { IntentResolver, OpenIntent, Resolution } from '@platform/database';
import { P100Client, P100UserNotFoundError, type CardSummary } from '@platform/p100-client';
import { DataSource } from 'typeorm';
import { isIssued } from './card.entity';
import { CardLifecycle, type IssuedAtP100 } from './card-lifecycle';
import { CardsRepository } from './cards.repository';
import { CREATE_CARD_OPERATION } from './create-card.handler';

/**
 * Settles a Create Virtual Card whose answer was lost (timeout after sending, crash). P100 has
 * no look-up by our request, so the user's cards are listed (Get All User Cards) and the first
 * card, in P100's order (oldest first in the sandbox), with the same label that no row of ours
 * holds yet is taken as this request's; none means P100 never created it. Limits (docs/cards.md):
 * two lost creates of one label can swap cards (both are the user's, with the same label), and
 * a card made with that label outside the platform could be claimed.
 */
@Injectable()
export class CreateCardResolver implements IntentResolver {
  readonly operation = CREATE_CARD_OPERATION;

  constructor(
    private readonly dataSource: DataSource,
    private readonly p100: P100Client,
    private readonly cards: CardsRepository,
    private readonly lifecycle: CardLifecycle,
  ) {}

  async resolve(intent: OpenIntent): Promise<Resolution> {
    const { requestId, externalUserId, label } = intent.subject ?? {};
    if (!requestId || !externalUserId || !label) return { outcome: 'unknown' };
    const row = await this.cards.findByRequestId(requestId);
    // Nothing of ours waits for this answer any more.
    if (!row) return { outcome: 'absent' };
    if (isIssued(row)) return { outcome: 'done', response: { cardId: row.cardId, lastFour: row.lastFour, status: row.status } };
    const forget = { outcome: 'absent', apply: (manager) => this.cards.removeCreating(manager, row.id) } satisfies Resolution;

    let listed: CardSummary[];
    try {
      listed = (await this.p100.cards.getAll(externalUserId))?.cards ?? [];
    } catch (error) {
      if (error instanceof P100UserNotFoundError) return forget;
      throw error;
    }
    const sameLabel = listed.filter((c) => c.label === label);
    const held = await this.cards.heldCardIds(this.dataSource.manager, sameLabel.map((c) => c.cardId));
    const card = sameLabel.find((c) => !held.has(c.cardId));
    if (!card) return forget;
    const issued: IssuedAtP100 = { cardId: card.cardId, lastFour: /^\d{4}$/.test(card.cardLastDigits ?? '') ? card.cardLastDigits : null, status: statusOf(card) };
    return {
      outcome: 'done',
      response: { ...issued, confirmedBy: 'getAllUserCards' },
      // The card id is unique in `cards`: should another row claim this card meanwhile, the
      // settlement fails and the next pass looks again.
      apply: async (manager) => void (await this.lifecycle.markIssued(manager, row.id, issued, 'reconciler')),
    };
  }
}

function statusOf(card: CardSummary): CardStatus {
  return CARD_STATUSES.find((s) => s === card.status && s !== 'CREATING') ?? 'ACTIVE';
}
