import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { parseP100Input } from '../errors/parse-p100-input';
import { updatePinRequest } from './card.request';
import { hashPin } from './card-secrets';
import { setCardPinHash } from './cards.repository';
import { requireCard } from './require-card';

/** Update Card PIN (#53, client code): effective immediately; only the new PIN's hash is kept. */
@Injectable()
export class UpdateCardPinHandler {
  constructor(private readonly dataSource: DataSource) {}

  async execute(body: unknown): Promise<{ message: string }> {
    const input = parseP100Input(updatePinRequest, body);
    const pinHash = await hashPin(input.pin);
    await this.dataSource.transaction(async (tx) => {
      const { card } = await requireCard(tx, input.externalUserId, input.cardId, { lock: true });
      await setCardPinHash(tx, card.id, pinHash);
    });
    return { message: 'Card PIN updated' };
  }
}
