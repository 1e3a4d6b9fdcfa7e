import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CardsCommands, DomainError, type CardView } from '@platform/contracts';
import { IntentLog } from '@platform/database';
import type { CommandHandler } from '@platform/kafka';
import { P100Client, classifyP100Failure, type OperationName } from '@platform/p100-client';
import type { z } from 'zod';
import { isIssued, toCardView, type CardEntity } from './card.entity';
import { CardLifecycle, type IssuedAtP100 } from './card-lifecycle';
import { CardsRepository } from './cards.repository';

export const CREATE_CARD_OPERATION = 'createVirtualCard' satisfies OperationName;

type CreateCardCommand = z.infer<typeof CardsCommands.createCard.schema>;

/** What the intent log may keep of a create: who, which label, which request. Never the PIN. */
export const createCardIntentRequest = (input: CreateCardCommand) => ({ externalUserId: input.externalUserId, label: input.label, requestId: input.requestId });

/**
 * Create Virtual Card (secure lane: the command holds the PIN). The card row (CREATING, keyed
 * on the caller's requestId) and the intent are recorded before P100 is called, so a repeat
 * finds the card instead of issuing a second one (P100 does not dedupe cards; each costs a
 * monthly fee). P100 answers the card's number, CVV and expiry: only its id and last four digits
 * are kept, and the caller gets the card without them (it reveals them if it must show them).
 */
@Injectable()
export class CreateCardHandler implements CommandHandler<CreateCardCommand, CardView> {
  readonly schema = CardsCommands.createCard.schema;

  constructor(
    private readonly dataSource: DataSource,
    private readonly cards: CardsRepository,
    private readonly lifecycle: CardLifecycle,
    private readonly intents: IntentLog,
    private readonly p100: P100Client,
  ) {}

  async handle(input: CreateCardCommand): Promise<CardView> {
    let card = await this.cards.findByRequestId(input.requestId);
    if (card) {
      // A repeat: the card it made, without calling P100 again.
      checkSameRequest(card, input);
      if (isIssued(card)) return toCardView(card);
    }
    // While P100's card endpoints are failing, refuse before writing anything.
    this.p100.failFastIfOpen(CREATE_CARD_OPERATION);
    if (!card) {
      const id = randomUUID();
      const inserted = await this.cards.insertCreating({ id, externalUserId: input.externalUserId, label: input.label, requestId: input.requestId });
      // Not inserted: the same request arrived twice at once, and the first one's row answers.
      card = inserted ? await this.cards.findById(id) : await this.cards.findByRequestId(input.requestId);
      checkSameRequest(card!, input);
      if (isIssued(card!)) return toCardView(card!);
    }
    // A CREATING row goes through the intent log whatever its history: a call under way or
    // being reconciled answers IDEMPOTENCY_REQUEST_IN_PROGRESS there, one that succeeded before
    // a crash replays P100's answer, and one that never started is started now.
    const issued = await this.issue(card!.id, input);
    return toCardView(await this.dataSource.transaction((manager) => this.lifecycle.markIssued(manager, card!.id, issued, 'command')));
  }

  private async issue(id: string, input: CreateCardCommand): Promise<IssuedAtP100> {
    try {
      return await this.intents.execute(
        `create-card:${input.requestId}`,
        {
          operation: CREATE_CARD_OPERATION,
          request: createCardIntentRequest(input),
          classify: classifyP100Failure,
          // What the reconciler needs to find the card at P100 when the answer is lost.
          subject: { requestId: input.requestId, externalUserId: input.externalUserId, label: input.label },
        },
        async () => {
          const secrets = await this.p100.cards.create({ externalUserId: input.externalUserId, label: input.label, pin: input.pin });
          // Returned to the intent log (stored as its response): the card's id and last four only.
          return { cardId: secrets.cardId, lastFour: lastFourOf(secrets.cardNumber), status: 'ACTIVE' } satisfies IssuedAtP100;
        },
      );
    } catch (error) {
      // No card exists at P100, so none stays here; an `unknown` outcome keeps its CREATING row
      // for the reconciler to settle.
      if (noCardAtP100(error)) await this.cards.removeCreating(this.dataSource.manager, id);
      throw error;
    }
  }
}

/** A request id names one card: the same key for another user or label is refused. */
function checkSameRequest(card: CardEntity, input: CreateCardCommand): void {
  if (card.externalUserId !== input.externalUserId || card.label !== input.label) {
    throw new DomainError('IDEMPOTENCY_KEY_REUSED', `request ${input.requestId} created a different card`);
  }
}

/** Answers of the intent log itself that leave the attempt as it was: someone else's call, or a misuse of the key. */
const INTENT_LOG_REFUSALS = new Set(['IDEMPOTENCY_REQUEST_IN_PROGRESS', 'IDEMPOTENCY_KEY_REUSED', 'INTERNAL']);

/**
 * Whether P100 has no card for this attempt: it refused it (now, or before: the intent log
 * answers a stored refusal as a DomainError with P100's platform code), or never got it.
 */
function noCardAtP100(error: unknown): boolean {
  if (error instanceof DomainError) return !INTENT_LOG_REFUSALS.has(error.code);
  const { kind } = classifyP100Failure(error);
  return kind === 'rejected' || kind === 'not_sent';
}

/** The last four digits of a card number, and nothing else of it; null if P100 sent no usable number. */
function lastFourOf(cardNumber: unknown): string | null {
  const digits = typeof cardNumber === 'string' ? cardNumber.replace(/\D/g, '') : '';
  return digits.length >= 4 ? digits.slice(-4) : null;
}
