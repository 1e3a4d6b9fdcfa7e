import { Inject, Injectable, Logger } from '@nestjs/common';
import { CARDS_SECURE_CODES_TOPIC, MessageHeaders, SecureCodeEvents, type SecureCodeEvent } from '@platform/contracts';
import { enqueueEvent, type InboxContext } from '@platform/database';
import { counter } from '@platform/metrics';
import { card3dsCodeWebhookSchema, cardActivationCodeWebhookSchema } from '@platform/p100-client';
import type { P100Payload } from '@platform/p100-events';
import { OneTimeCodeSealer } from '@platform/secrets';
import { CARDS_CONFIG, type CardsConfig } from '../cards.config';
import { derivedEventId } from '../webhooks/derived-event-id';

export type SecureCodeKind = SecureCodeEvent['kind'];

const SCHEMAS = { '3ds': card3dsCodeWebhookSchema, activation: cardActivationCodeWebhookSchema } as const;

const outcomes = counter(
  'cards_secure_codes_total',
  'One-time card codes by outcome: relayed; relayed_unsealed (arrived in clear: webhook-ingest is misconfigured); unreadable; unopenable (P100_CODE_KEYS lack its key)',
  ['kind', 'outcome'],
);

/**
 * Passes a one-time code (3-D Secure, wallet activation) on to the product service that shows
 * it, on `cards.secure-codes`. webhook-ingest sealed it with P100_CODE_KEYS; it is opened here,
 * in memory, and sealed again with CARDS_SECURE_CODE_KEYS, the product service's key: no holder
 * of P100's key reads our topic, and the outbox row and the Kafka log hold ciphertext only. The
 * code is never stored, logged or put in an error in clear.
 */
@Injectable()
export class SecureCodeRelay {
  private readonly logger = new Logger('SecureCodes');
  private readonly fromIngest: OneTimeCodeSealer;
  private readonly forProduct: OneTimeCodeSealer;
  private readonly ttlMs: number;

  constructor(@Inject(CARDS_CONFIG) config: CardsConfig) {
    this.fromIngest = OneTimeCodeSealer.fromConfig(config.P100_CODE_KEYS);
    this.forProduct = OneTimeCodeSealer.fromConfig(config.CARDS_SECURE_CODE_KEYS);
    this.ttlMs = config.CARDS_SECURE_CODE_TTL_MS;
  }

  async relay(kind: SecureCodeKind, payload: P100Payload, { manager, eventId, type, message }: InboxContext): Promise<void> {
    const parsed = SCHEMAS[kind].safeParse(payload);
    if (!parsed.success) {
      // Zod's messages name fields and rules, never values.
      this.logger.warn({ type, eventId, issues: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) }, 'one-time code webhook does not parse');
      return void outcomes.inc({ kind, outcome: 'unreadable' });
    }
    const webhook = parsed.data as { cardId: string; code: string; externalUserId?: string; merchantName?: string; amount?: string; currency?: string };
    const sealedCode = this.reseal(kind, webhook.code, eventId);
    if (!sealedCode) return;
    // When P100's code reached us (webhook-ingest's occurred-at): a backlog must not lengthen its life.
    const issuedAt = receivedAt(message.headers[MessageHeaders.occurredAt]);
    const event: SecureCodeEvent = {
      kind,
      cardId: webhook.cardId,
      externalUserId: webhook.externalUserId ?? null,
      sealedCode,
      merchantName: webhook.merchantName ?? null,
      amount: webhook.amount ?? null,
      currency: webhook.currency ?? null,
      issuedAt: issuedAt.toISOString(),
      expiresAt: new Date(issuedAt.getTime() + this.ttlMs).toISOString(),
    };
    await enqueueEvent(manager, {
      topic: CARDS_SECURE_CODES_TOPIC,
      key: webhook.cardId,
      type: SecureCodeEvents.secureCode.type,
      eventId: derivedEventId(SecureCodeEvents.secureCode.type, eventId),
      payload: event,
    });
  }

  /** The code sealed for the product service, or undefined (counted, logged without it) when it cannot be opened. */
  private reseal(kind: SecureCodeKind, code: string, eventId: string): string | undefined {
    if (!OneTimeCodeSealer.isSealed(code)) {
      // Already on Kafka in clear upstream: passing it on sealed is all that is left to do.
      this.logger.error({ eventId, kind }, 'one-time code arrived unsealed: check P100_CODE_KEYS in webhook-ingest');
      outcomes.inc({ kind, outcome: 'relayed_unsealed' });
      return this.forProduct.seal(code);
    }
    try {
      const sealed = this.forProduct.seal(this.fromIngest.open(code));
      outcomes.inc({ kind, outcome: 'relayed' });
      return sealed;
    } catch (error) {
      // A key missing here is a configuration matter that no retry mends, and the code is worthless in minutes.
      this.logger.error({ eventId, kind, reason: (error as Error).message }, 'one-time code cannot be opened with P100_CODE_KEYS; dropped');
      outcomes.inc({ kind, outcome: 'unopenable' });
      return undefined;
    }
  }
}

function receivedAt(header: string | undefined): Date {
  const time = header ? Date.parse(header) : NaN;
  return Number.isFinite(time) && time <= Date.now() ? new Date(time) : new Date();
}
