import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { toLimitsView, type CardLimitField } from './card-limits';
import { requireCard } from './require-card';

/** Get Card Limits (#56, client code): the six limits as JSON numbers (exact). */
@Injectable()
export class GetCardLimitsHandler {
  constructor(private readonly dataSource: DataSource) {}

  async execute(externalUserId: string, cardId: string): Promise<Record<CardLimitField, number>> {
    const { card } = await requireCard(this.dataSource, externalUserId, cardId);
    return toLimitsView(card);
  }
}
