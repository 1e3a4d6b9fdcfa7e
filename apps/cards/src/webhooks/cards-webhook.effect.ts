import { Injectable } from '@nestjs/common';
import { webhookMessageType } from '@platform/contracts';
import type { InboxContext } from '@platform/database';
import type { P100EventEffectProvider, P100Payload } from '@platform/p100-events';
import { SecureCodeRelay } from '../secure-codes/secure-code.relay';
import { CardTransactionRecorder } from '../transactions/card-transaction.recorder';

const TRANSACTION = webhookMessageType('card-transaction');
const THREE_DS_CODE = webhookMessageType('card-3ds-code');
const ACTIVATION_CODE = webhookMessageType('card-activation-code');

/**
 * What the cards service does with P100's card webhooks, in the inbox transaction that records
 * them (P100EventsModule, consumerInHost), so that a redelivered webhook never acts twice. The
 * payload here is as received, one-time code still sealed by webhook-ingest; p100_events keeps
 * it redacted (redactCardSecrets).
 */
@Injectable()
export class CardsWebhookEffect implements P100EventEffectProvider {
  constructor(
    private readonly transactions: CardTransactionRecorder,
    private readonly codes: SecureCodeRelay,
  ) {}

  async onP100Event(payload: P100Payload, context: InboxContext): Promise<void> {
    if (context.type === TRANSACTION) return this.transactions.record(payload, context);
    if (context.type === THREE_DS_CODE) return this.codes.relay('3ds', payload, context);
    if (context.type === ACTIVATION_CODE) return this.codes.relay('activation', payload, context);
  }
}
