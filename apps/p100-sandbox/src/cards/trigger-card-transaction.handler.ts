import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError } from '@platform/contracts';
import { parseInput } from '@platform/service';
import { query } from '../database/sql';
import { LedgerService } from '../ledger/ledger.service';
import { findUserById } from '../users/users.repository';
import { enqueueWebhook } from '../webhooks/enqueue-webhook';
import { limitDeclineReason } from './card-limit-check';
import { cardTransactionRequest } from './card-transaction.request';
import { findCardById } from './cards.repository';

export interface CardTransactionView {
  transactionId: string;
  cardId: string;
  status: 'APPROVED' | 'DECLINED';
  declineReason: string | null;
  amount: string;
  currency: string;
}

/**
 * Admin trigger for what only P100 sees: a card payment. Authorised in one transaction, in order:
 * user deleted or suspended, card not ACTIVE, limits, then the user's EUR balance through
 * LedgerService.tryDebit. Approved or declined (with the reason), it is recorded and reported by
 * the Card Transaction webhook (payload (inferred): the proposed shape plus transactionId and
 * declineReason; amount as a decimal string, like SEPA's).
 */
@Injectable()
export class TriggerCardTransactionHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly ledger: LedgerService,
  ) {}

  async execute(cardId: string, body: unknown): Promise<CardTransactionView> {
    const payment = parseInput(cardTransactionRequest, body ?? {});
    return this.dataSource.transaction(async (tx) => {
      const card = await findCardById(tx, cardId, true);
      if (!card) throw new DomainError('NOT_FOUND', `no card ${cardId}`);
      const user = (await findUserById(tx, card.user_id, true))!;
      const transactionId = randomUUID();

      let declineReason: string | undefined;
      if (user.deleted_at) declineReason = 'USER_DELETED';
      else if (user.suspended_at) declineReason = 'USER_SUSPENDED';
      else if (card.status !== 'ACTIVE') declineReason = `CARD_${card.status}`;
      else declineReason = await limitDeclineReason(tx, card, payment);
      if (!declineReason) {
        const debited = await this.ledger.tryDebit(tx, {
          owner: { kind: 'user', userId: user.id },
          currency: payment.currency,
          amount: payment.amount,
          reference: { type: 'card-transaction', id: transactionId },
        });
        if (!debited) declineReason = 'INSUFFICIENT_FUNDS';
      }
      const status = declineReason ? 'DECLINED' : 'APPROVED';

      const [row] = await query<{ created_at: Date }>(
        tx,
        `INSERT INTO card_transactions (id, card_id, channel, amount, currency, merchant_name, status, decline_reason)
         VALUES ($1, $2, $3, $4::numeric, $5, $6, $7, $8) RETURNING created_at`,
        [transactionId, card.id, payment.channel, payment.amount, payment.currency, payment.merchantName, status, declineReason ?? null],
      );
      await enqueueWebhook(tx, {
        event: 'card-transaction',
        payload: {
          externalUserId: user.external_user_id,
          cardId: card.id,
          transactionId,
          amount: payment.amount,
          currency: payment.currency,
          merchantName: payment.merchantName,
          status,
          declineReason: declineReason ?? null,
          createdAt: row!.created_at.toISOString(),
        },
      });
      return { transactionId, cardId: card.id, status, declineReason: declineReason ?? null, amount: payment.amount, currency: payment.currency };
    });
  }
}
