import type { P100Send } from '../request';
import type {
  CardActionResult,
  CardDetails,
  CardLimits,
  CardRef,
  CardSecrets,
  CardSummary,
  CreateCardRequest,
  UpdateCardPinRequest,
} from '../types/cards';

export class CardsResource {
  constructor(private readonly send: P100Send) {}

  create(input: CreateCardRequest): Promise<CardSecrets> {
    return this.send({ operation: 'createVirtualCard', body: input });
  }

  getAll(externalUserId: string): Promise<{ cards: CardSummary[] }> {
    return this.send({ operation: 'getAllUserCards', pathParams: { externalUserId } });
  }

  getDetails(card: CardRef): Promise<CardDetails> {
    return this.send({ operation: 'getCardDetails', pathParams: { ...card } });
  }

  updatePin(input: UpdateCardPinRequest): Promise<CardActionResult> {
    return this.send({ operation: 'updateCardPin', body: input });
  }

  block(card: CardRef): Promise<CardActionResult> {
    return this.send({ operation: 'blockCard', body: card });
  }

  unblock(card: CardRef): Promise<CardActionResult> {
    return this.send({ operation: 'unblockCard', body: card });
  }

  getLimits(card: CardRef): Promise<CardLimits> {
    return this.send({ operation: 'getCardLimits', pathParams: { ...card } });
  }

  updateLimits(card: CardRef, limits: CardLimits): Promise<CardActionResult> {
    return this.send({ operation: 'updateCardLimits', body: { ...card, ...limits } });
  }

  /** Permanent. */
  delete(card: CardRef): Promise<CardActionResult> {
    return this.send({ operation: 'deleteCard', body: card });
  }
}
