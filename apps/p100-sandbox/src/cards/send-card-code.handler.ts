import { randomInt } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError } from '@platform/contracts';
import { parseInput } from '@platform/service';
import { findUserById } from '../users/users.repository';
import { enqueueWebhook } from '../webhooks/enqueue-webhook';
import { threeDsRequest } from './card-transaction.request';
import { findCardById } from './cards.repository';

/**
 * Admin triggers for the two one-time codes only P100 can issue: a 3-D Secure code for a payment
 * (webhook Card 3DS Code, `{externalUserId, cardId, code, merchantName, amount, currency}`) and a
 * digital-wallet activation code (Card Activation Code, `{externalUserId, cardId, code}`);
 * payloads are the proposed ones (inferred). Codes are 6 random digits (inferred).
 */
@Injectable()
export class SendCardCodeHandler {
  constructor(private readonly dataSource: DataSource) {}

  async threeDs(cardId: string, body: unknown): Promise<{ cardId: string; code: string }> {
    const payment = parseInput(threeDsRequest, body ?? {});
    return this.send(cardId, 'card-3ds-code', { merchantName: payment.merchantName, amount: payment.amount, currency: payment.currency });
  }

  activation(cardId: string): Promise<{ cardId: string; code: string }> {
    return this.send(cardId, 'card-activation-code', {});
  }

  private send(cardId: string, event: 'card-3ds-code' | 'card-activation-code', extra: Record<string, unknown>) {
    return this.dataSource.transaction(async (tx) => {
      const card = await findCardById(tx, cardId);
      if (!card || card.status === 'DELETED') throw new DomainError('NOT_FOUND', `no live card ${cardId}`);
      const user = (await findUserById(tx, card.user_id))!;
      const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
      await enqueueWebhook(tx, { event, payload: { externalUserId: user.external_user_id, cardId: card.id, code, ...extra } });
      return { cardId: card.id, code };
    });
  }
}
