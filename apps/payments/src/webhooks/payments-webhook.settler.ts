import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { randomUUID } from 'node:crypto';
import { webhookMessageType, type MovementKind } from '@platform/contracts';
import type { InboxContext } from '@platform/database';
import { counter } from '@platform/metrics';
import type { P100EventEffectProvider, P100Payload } from '@platform/p100-events';
import {
  cryptoDepositWebhookSchema,
  cryptoWithdrawalWebhookSchema,
  exchangeWebhookSchema,
  ibanStatusWebhookSchema,
  internalTransferWebhookSchema,
  orderStatusWebhookSchema,
  paymentLinkWebhookSchema,
  sepaDepositWebhookSchema,
  partnerSepaTransferWebhookSchema,
  userSepaTransferWebhookSchema,
} from '@platform/p100-client';
import type { ZodType } from 'zod';
import { cryptoDepositRecord, cryptoWithdrawalRecord } from '../crypto/crypto.records';
import { exchangeRecord } from '../exchange/exchange.records';
import type { MovementTerms } from '../movements/movements.repository';
import { MovementsRepository } from '../movements/movements.repository';
import { MovementSettlement } from '../movements/movement-settlement';
import type { P100Record } from '../movements/p100-record';
import { orderRecord } from '../orders/order.records';
import { paymentLinkRecord } from '../orders/payment-link.records';
import { rejectedSepaDepositRecord, sepaDepositRecord, sepaTransferRecord } from '../sepa/sepa.records';
import { TRANSFER_KINDS, transferKindOf, transferRecord } from '../transfers/transfer.records';

/** How one P100 webhook type settles movements. */
interface WebhookRoute {
  schema: ZodType;
  kinds: (payload: P100Payload) => readonly MovementKind[];
  record: (payload: P100Payload) => P100Record | undefined;
  /** A movement whose answer we lost is found by its terms; deposits P100 starts are created. */
  terms?: (record: P100Record, payload: P100Payload) => MovementTerms | undefined;
  creates?: MovementKind;
}

const ROUTES: Record<string, WebhookRoute> = {
  [webhookMessageType('exchange')]: {
    schema: exchangeWebhookSchema,
    kinds: () => ['exchange'],
    record: exchangeRecord,
    terms: (r) => (r.externalUserId && r.amount && r.currency ? { externalUserId: r.externalUserId, amount: r.amount, currency: r.currency, currencyTo: r.currencyTo } : undefined),
  },
  [webhookMessageType('internal-transfer')]: {
    schema: internalTransferWebhookSchema,
    kinds: (p) => {
      const kind = transferKindOf(p);
      return kind ? [kind] : TRANSFER_KINDS;
    },
    record: transferRecord,
    terms: (r, p) => (transferKindOf(p) && r.amount ? { externalUserId: r.externalUserId, amount: r.amount, currency: r.currency } : undefined),
  },
  [webhookMessageType('user-sepa-transfer')]: {
    schema: userSepaTransferWebhookSchema,
    kinds: () => ['sepa-transfer'],
    record: sepaTransferRecord,
    terms: (r) => (r.amount && r.counterparty ? { owner: 'user', amount: r.amount, counterparty: r.counterparty } : undefined),
  },
  // The partner's own payouts: the same record, from the partner's balance.
  [webhookMessageType('partner-sepa-transfer')]: {
    schema: partnerSepaTransferWebhookSchema,
    kinds: () => ['sepa-transfer'],
    record: sepaTransferRecord,
    terms: (r) => (r.amount && r.counterparty ? { owner: 'partner', amount: r.amount, counterparty: r.counterparty } : undefined),
  },
  [webhookMessageType('crypto-withdrawal')]: {
    schema: cryptoWithdrawalWebhookSchema,
    kinds: () => ['crypto-withdrawal'],
    record: cryptoWithdrawalRecord,
    terms: (r) => (r.amount && r.currency && r.counterparty ? { amount: r.amount, currency: r.currency, counterparty: r.counterparty } : undefined),
  },
  [webhookMessageType('sepa-deposit')]: { schema: sepaDepositWebhookSchema, kinds: () => ['sepa-deposit'], record: sepaDepositRecord, creates: 'sepa-deposit' },
  [webhookMessageType('iban-status')]: { schema: ibanStatusWebhookSchema, kinds: () => ['sepa-deposit'], record: rejectedSepaDepositRecord, creates: 'sepa-deposit' },
  [webhookMessageType('crypto-deposit')]: { schema: cryptoDepositWebhookSchema, kinds: () => ['crypto-deposit'], record: cryptoDepositRecord, creates: 'crypto-deposit' },
  // Every order status change; one order per lock, so its lockId names an order whose answer was lost.
  [webhookMessageType('order-status')]: {
    schema: orderStatusWebhookSchema,
    kinds: () => ['order'],
    record: orderRecord,
    terms: (_r, p) => (typeof p['lockId'] === 'string' ? { lockId: p['lockId'] } : undefined),
  },
  // Paid or expired (ACTIVE sends none). A link whose answer was lost has no URL anyone can pay:
  // its EXPIRED webhook, matched by amount, ends it.
  [webhookMessageType('payment-link')]: {
    schema: paymentLinkWebhookSchema,
    kinds: () => ['payment-link'],
    record: paymentLinkRecord,
    terms: (r) => (r.amount && r.currency ? { amount: r.amount, currency: r.currency } : undefined),
  },
};

const outcomes = counter('payments_webhooks_settled_total', 'P100 money webhooks by type and what they did: settled, no_change, unmatched, unreadable, ignored', ['type', 'outcome']);

/**
 * Settles movements from P100's money webhooks, in the inbox transaction that records the event
 * (so a redelivered webhook never settles twice). A webhook for a movement whose P100 id we never
 * learnt (its answer was lost) claims it by its terms; deposits create their movement.
 */
@Injectable()
export class PaymentsWebhookSettler implements P100EventEffectProvider {
  private readonly logger = new Logger('PaymentsWebhookSettler');

  constructor(
    private readonly movements: MovementsRepository,
    private readonly settlement: MovementSettlement,
  ) {}

  async onP100Event(payload: P100Payload, { manager, type, eventId }: InboxContext): Promise<void> {
    const route = ROUTES[type];
    if (!route) return void outcomes.inc({ type, outcome: 'ignored' });
    const parsed = route.schema.safeParse(payload);
    const record = parsed.success ? route.record(parsed.data as P100Payload) : undefined;
    if (!record) {
      // Still recorded in p100_events for operators; the poller settles the movement by asking.
      if (!parsed.success) this.logger.warn({ type, eventId, issues: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) }, 'P100 webhook does not parse; left to the poller');
      return void outcomes.inc({ type, outcome: parsed.success ? 'ignored' : 'unreadable' });
    }
    const movement = await this.find(manager, route, record, parsed.data as P100Payload);
    if (!movement) {
      this.logger.warn({ type, eventId, p100Id: record.p100Id }, 'P100 webhook for a movement the platform did not start');
      return void outcomes.inc({ type, outcome: 'unmatched' });
    }
    const { moved } = await this.settlement.apply(manager, movement, record, 'webhook');
    outcomes.inc({ type, outcome: moved ? 'settled' : 'no_change' });
  }

  private async find(manager: EntityManager, route: WebhookRoute, record: P100Record, payload: P100Payload) {
    const kinds = route.kinds(payload);
    const known = await this.movements.lockByP100Id(manager, kinds, record.p100Id);
    if (known) return known;
    const terms = route.terms?.(record, payload);
    if (terms) {
      const claimed = await this.movements.claimUnanswered(manager, kinds, terms);
      if (claimed) return claimed;
    }
    if (!route.creates || !record.amount || !record.currency) return undefined;
    // A deposit: P100 started it. Created in the state before this report, so settlement moves it once.
    const created = await this.movements.insert(manager, {
      id: randomUUID(),
      kind: route.creates,
      externalUserId: record.externalUserId ?? null,
      requestId: null,
      requestHash: null,
      status: 'REQUESTED',
      amount: record.amount,
      currency: record.currency,
      counterparty: record.counterparty ?? null,
      p100Id: record.p100Id,
    });
    // Our own uncommitted insert is ours alone (no one else sees it before the commit): no second
    // read to lock it. Only when a concurrent delivery inserted it first (the insert then waited for
    // that one and did nothing) is it read and locked.
    return created ?? this.movements.lockByP100Id(manager, [route.creates], record.p100Id);
  }
}
