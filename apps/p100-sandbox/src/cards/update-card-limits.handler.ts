import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { parseP100Input } from '../errors/parse-p100-input';
import { updateLimitsRequest } from './card.request';
import { setCardLimits } from './cards.repository';
import { requireCard } from './require-card';

/**
 * Update Card Limits (#57, client code): effective immediately. `body` must come from
 * `exactJsonBody`, so the limits (JSON numbers) arrive as their exact decimal text.
 */
@Injectable()
export class UpdateCardLimitsHandler {
  constructor(private readonly dataSource: DataSource) {}

  async execute(body: unknown): Promise<{ message: string }> {
    const input = parseP100Input(updateLimitsRequest, body);
    await this.dataSource.transaction(async (tx) => {
      const { card } = await requireCard(tx, input.externalUserId, input.cardId, { lock: true });
      await setCardLimits(tx, card.id, input);
    });
    return { message: 'Card limits updated' };
  }
}
