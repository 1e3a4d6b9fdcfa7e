import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { CardStatus } from './card';
import { cardNumberOf, cvvOf } from './card-secrets';
import { requireCard } from './require-card';

export interface CardDetailsView {
  status: CardStatus;
  cardNumber: string;
  cvv: string;
  exp: string;
}

/**
 * Get Card Details (#52): P412, P459, P455, P461, P434. The PAN and CVV are derived from the card
 * id for this answer only (nothing stored, nothing logged).
 */
@Injectable()
export class GetCardDetailsHandler {
  constructor(private readonly dataSource: DataSource) {}

  async execute(externalUserId: string, cardId: string): Promise<CardDetailsView> {
    const { card } = await requireCard(this.dataSource, externalUserId, cardId, { extended: true });
    return { status: card.status, cardNumber: cardNumberOf(card.id), cvv: cvvOf(card.id), exp: card.exp };
  }
}
