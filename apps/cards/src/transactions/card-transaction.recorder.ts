import { Injectable, Logger } from '@nestjs/common';
import { CARDS_EVENTS_TOPIC, CardsEvents, type CardTransactionEvent } from '@platform/contracts';
import { enqueueEvent, type InboxContext } from '@platform/database';
import { counter } from '@platform/metrics';
import { cardTransactionWebhookSchema } from '@platform/p100-client';
import type { P100Payload } from '@platform/p100-events';
import { derivedEventId } from '../webhooks/derived-event-id';

const outcomes = counter('cards_transactions_recorded_total', 'Card Transaction webhooks by what they did: recorded, duplicate (transaction already known), unreadable', ['outcome']);

/**
 * A card payment P100 reported (Card Transaction webhook): one card_transactions row per P100
 * transaction id and one `cards.transaction.v1`, in the inbox transaction. The event id derives
 * from the inbox event id, and a transaction P100 reports twice (a new delivery of the same
 * payment) finds its row and emits nothing: a consumer sees each payment once.
 */
@Injectable()
export class CardTransactionRecorder {
  private readonly logger = new Logger('CardTransactions');

  async record(payload: P100Payload, { manager, eventId, type }: InboxContext): Promise<void> {
    const parsed = cardTransactionWebhookSchema.safeParse(payload);
    if (!parsed.success) {
      // Kept in p100_events (redacted) for operators; nothing more can be done with it.
      this.logger.warn({ type, eventId, issues: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) }, 'card transaction webhook does not parse');
      return void outcomes.inc({ outcome: 'unreadable' });
    }
    const webhook = parsed.data;
    const transaction: CardTransactionEvent = {
      transactionId: webhook.transactionId ?? null,
      cardId: webhook.cardId,
      externalUserId: webhook.externalUserId ?? null,
      merchantName: webhook.merchantName ?? null,
      amount: webhook.amount ?? null,
      currency: webhook.currency ?? null,
      status: webhook.status,
      // Not in P100's proposed payload; the sandbox sends it with declined payments.
      declineReason: typeof payload['declineReason'] === 'string' ? payload['declineReason'] : null,
      createdAt: webhook.createdAt ? new Date(webhook.createdAt).toISOString() : null,
    };
    const inserted: unknown[] = await manager.query(
      `INSERT INTO card_transactions (transaction_id, card_id, external_user_id, amount, currency, merchant_name, status, decline_reason, created_at)
       VALUES ($1, $2, $3, $4::numeric, $5, $6, $7, $8, COALESCE($9::timestamptz, now()))
       ON CONFLICT (transaction_id) DO NOTHING RETURNING id`,
      [transaction.transactionId, transaction.cardId, transaction.externalUserId, transaction.amount, transaction.currency, transaction.merchantName, transaction.status, transaction.declineReason, transaction.createdAt],
    );
    if (inserted.length === 0) return void outcomes.inc({ outcome: 'duplicate' });
    await enqueueEvent(manager, {
      topic: CARDS_EVENTS_TOPIC,
      key: transaction.cardId,
      type: CardsEvents.cardTransaction.type,
      eventId: derivedEventId(CardsEvents.cardTransaction.type, eventId),
      payload: transaction,
    });
    outcomes.inc({ outcome: 'recorded' });
  }
}
