import {
  PAYMENTS_COMMANDS_TOPIC,
  PartnerPaymentsCommands,
  createOrderSchema,
  exchangeRatesViewSchema,
  ledgerViewSchema,
  movementViewSchema,
  orderLockSchema,
  orderLockViewSchema,
  partnerMovementRefSchema,
  partnerRefSchema,
  paymentLinkSchema,
  type CreateOrderInput,
  type ExchangeRatesView,
  type LedgerView,
  type MovementView,
  type OrderLockInput,
  type OrderLockView,
  type PartnerMovementRef,
  type PartnerRef,
  type PaymentLinkInput,
} from '@platform/contracts';
import { sendCommand, sendMovementCommand } from '../operations/command.handler';
import { defineOperation } from '../operations/operation';

const TOPIC = PAYMENTS_COMMANDS_TOPIC;
/** The partner's movements share its balances, as a user's do: one key keeps them in order. */
const PARTNER_KEY = () => 'partner';
const GRPC = 'PartnerPaymentsService';

/**
 * The partner's own payments, forwarded to the payments service: orders (a payer sends crypto to
 * an address P100 assigns) and payment links / hosted checkouts (a payer opens P100's page), both
 * settled in EUR to the partner's balance. Creating one requires an Idempotency-Key and answers
 * 202 with its movement; follow it with partner.movements.get or the payments events.
 */
export const PARTNER_PAYMENT_OPERATIONS = [
  defineOperation<PartnerRef, ExchangeRatesView>({
    name: 'partner.orders.rates',
    tag: 'partner',
    summary: 'Indicative order rates of every crypto currency, in EUR',
    scope: 'partner:read',
    idempotency: 'none',
    input: partnerRefSchema,
    output: exchangeRatesViewSchema,
    rest: { method: 'GET', path: '/v1/partner/orders/rates', successStatus: 200, body: 'none' },
    grpc: { service: GRPC, method: 'GetOrderRates' },
    handler: sendCommand(TOPIC, PartnerPaymentsCommands.getOrderRates, PARTNER_KEY),
  }),
  defineOperation<OrderLockInput, OrderLockView>({
    name: 'partner.orders.lock',
    tag: 'partner',
    summary: 'Lock the crypto amount a payer must send for an EUR settlement, until expiresAt',
    scope: 'partner:write',
    idempotency: 'optional',
    input: orderLockSchema,
    output: orderLockViewSchema,
    rest: { method: 'POST', path: '/v1/partner/orders/locks', successStatus: 201, body: 'json' },
    grpc: { service: GRPC, method: 'LockOrderRate' },
    handler: sendCommand(TOPIC, PartnerPaymentsCommands.lockOrderRate, PARTNER_KEY),
  }),
  defineOperation<CreateOrderInput, MovementView>({
    name: 'partner.orders.create',
    tag: 'partner',
    summary: 'Create an order from a lock, once; counterparty is the address to pay to once P100 assigned it (Idempotency-Key required)',
    scope: 'partner:write',
    idempotency: 'required',
    input: createOrderSchema,
    output: movementViewSchema,
    rest: { method: 'POST', path: '/v1/partner/orders', successStatus: 202, body: 'json' },
    grpc: { service: GRPC, method: 'CreateOrder' },
    handler: sendMovementCommand(TOPIC, PartnerPaymentsCommands.createOrder, PARTNER_KEY),
  }),
  defineOperation<PaymentLinkInput, MovementView>({
    name: 'partner.payment-links.generate',
    tag: 'partner',
    summary: 'A P100-branded payment page for an EUR amount; the movement carries its url (Idempotency-Key required)',
    scope: 'partner:write',
    idempotency: 'required',
    input: paymentLinkSchema,
    output: movementViewSchema,
    rest: { method: 'POST', path: '/v1/partner/payment-links', successStatus: 202, body: 'json' },
    grpc: { service: GRPC, method: 'GeneratePaymentLink' },
    handler: sendMovementCommand(TOPIC, PartnerPaymentsCommands.generatePaymentLink, PARTNER_KEY),
  }),
  defineOperation<PaymentLinkInput, MovementView>({
    name: 'partner.hosted-checkouts.generate',
    tag: 'partner',
    summary: 'The same on the partner\'s hosted checkout (its branding and settlement rules) (Idempotency-Key required)',
    scope: 'partner:write',
    idempotency: 'required',
    input: paymentLinkSchema,
    output: movementViewSchema,
    rest: { method: 'POST', path: '/v1/partner/hosted-checkouts', successStatus: 202, body: 'json' },
    grpc: { service: GRPC, method: 'GenerateHostedCheckout' },
    handler: sendMovementCommand(TOPIC, PartnerPaymentsCommands.generateHostedCheckout, PARTNER_KEY),
  }),
  defineOperation<PartnerMovementRef, MovementView>({
    name: 'partner.movements.get',
    tag: 'partner',
    summary: 'One of the partner\'s own movements (orders, payment links, deposits to the partner) and where it is in its lifecycle',
    scope: 'partner:read',
    idempotency: 'none',
    input: partnerMovementRefSchema,
    output: movementViewSchema,
    rest: { method: 'GET', path: '/v1/partner/movements/:movementId', successStatus: 200, body: 'none', params: { movementId: 'our id of the movement (UUID)' } },
    grpc: { service: GRPC, method: 'GetPartnerMovement' },
    handler: sendCommand(TOPIC, PartnerPaymentsCommands.getPartnerMovement, PARTNER_KEY),
  }),
  defineOperation<PartnerRef, LedgerView>({
    name: 'partner.ledger.get',
    tag: 'partner',
    summary: 'The partner\'s shadow ledger from the platform\'s movements: posted, pending and available per currency',
    scope: 'partner:read',
    idempotency: 'none',
    input: partnerRefSchema,
    output: ledgerViewSchema,
    rest: { method: 'GET', path: '/v1/partner/ledger', successStatus: 200, body: 'none' },
    grpc: { service: GRPC, method: 'GetPartnerLedger' },
    handler: sendCommand(TOPIC, PartnerPaymentsCommands.getPartnerLedger, PARTNER_KEY),
  }),
];
