import { z } from 'zod';
import { checkNetwork } from './crypto-networks';
import { cryptoCurrencySchema, currencySchema, positiveAmountSchema, withinCurrencyDecimals } from './money';
import {
  boundedText,
  checkCryptoWithdrawal,
  checkExchange,
  checkSepaTransfer,
  cryptoWithdrawalFields,
  executeExchangeFields,
  networkSchema,
  p100IdSchema,
  requestIdSchema,
  sepaTransferFields,
  travelRuleSchema,
} from './payments-commands';

/**
 * The partner's own payments on `payments.commands`: orders (a payer sends crypto to an address
 * P100 assigns) and payment links / hosted checkouts (a payer opens P100's page), both settled in
 * EUR to the partner's balance, and the partner's versions of the user's movements P100 has
 * (exchange, SEPA payout, crypto withdrawal, travel rule). Their movements have no externalUserId.
 */

/** A partner read or write that names nothing but the partner (the caller is the partner). */
export const partnerRefSchema = z.strictObject({});
export type PartnerRef = z.infer<typeof partnerRefSchema>;

/**
 * Lock the rate of an order: the payer pays in `currency` (over `network`, default the
 * currency's own) so that `amount` EUR, cents at most, is settled to the partner.
 */
export const orderLockSchema = z
  .strictObject({ currency: cryptoCurrencySchema, amount: positiveAmountSchema, network: networkSchema.optional() })
  .superRefine((v, ctx) => {
    withinCurrencyDecimals({ amount: v.amount, currency: 'eur' }, ctx);
    checkNetwork(v, ctx);
  });
export type OrderLockInput = z.infer<typeof orderLockSchema>;

/** Create an order from a lock we handed out; the lock is good for one order. */
export const createOrderSchema = z.strictObject({ lockId: p100IdSchema });
export type CreateOrderInput = z.infer<typeof createOrderSchema>;

/**
 * A payment link or hosted checkout for an EUR amount. `redirectUrl`, where P100 sends the payer
 * afterwards, must be https: the payer's browser goes there from P100's page.
 */
export const paymentLinkSchema = z
  .strictObject({
    amount: positiveAmountSchema,
    currency: currencySchema.refine((v) => v === 'eur', { message: 'UNSUPPORTED_CURRENCY: payment links settle eur only' }).default('eur'),
    description: boundedText(500).optional(),
    redirectUrl: z.url({ protocol: /^https$/, error: 'must be an https URL' }).max(2048).optional(),
  })
  .superRefine((v, ctx) => withinCurrencyDecimals(v, ctx));
export type PaymentLinkInput = z.infer<typeof paymentLinkSchema>;

export const partnerMovementRefSchema = z.strictObject({ movementId: z.uuid() });
export type PartnerMovementRef = z.infer<typeof partnerMovementRefSchema>;

/** The user's movements, from the partner's own balance: the same fields without externalUserId. */
const notAUser = { externalUserId: true } as const;

export const partnerExecuteExchangeSchema = executeExchangeFields.omit(notAUser).superRefine(checkExchange);
export type PartnerExecuteExchangeInput = z.infer<typeof partnerExecuteExchangeSchema>;

export const partnerSepaTransferSchema = sepaTransferFields.omit(notAUser).superRefine(checkSepaTransfer);
export type PartnerSepaTransferInput = z.infer<typeof partnerSepaTransferSchema>;

export const partnerCryptoWithdrawalSchema = cryptoWithdrawalFields.omit(notAUser).superRefine(checkCryptoWithdrawal);
export type PartnerCryptoWithdrawalInput = z.infer<typeof partnerCryptoWithdrawalSchema>;

/** Travel-rule data for a crypto deposit to the partner that P100 holds (status HELD). */
export const partnerTravelRuleSchema = travelRuleSchema.omit(notAUser);
export type PartnerTravelRuleInput = z.infer<typeof partnerTravelRuleSchema>;

const requestIdField = { requestId: requestIdSchema };

/** Command types of the partner's payments; the ones that create something P100 keeps carry the caller-scoped requestId. */
export const PartnerPaymentsCommands = {
  getOrderRates: { type: 'payments.get-order-rates.v1', schema: partnerRefSchema },
  lockOrderRate: { type: 'payments.lock-order-rate.v1', schema: orderLockSchema },
  createOrder: { type: 'payments.create-order.v1', schema: createOrderSchema.safeExtend(requestIdField) },
  generatePaymentLink: { type: 'payments.generate-payment-link.v1', schema: paymentLinkSchema.safeExtend(requestIdField) },
  generateHostedCheckout: { type: 'payments.generate-hosted-checkout.v1', schema: paymentLinkSchema.safeExtend(requestIdField) },
  getPartnerMovement: { type: 'payments.get-partner-movement.v1', schema: partnerMovementRefSchema },
  getPartnerLedger: { type: 'payments.get-partner-ledger.v1', schema: partnerRefSchema },
  getExchangeRates: { type: 'payments.partner-get-exchange-rates.v1', schema: partnerRefSchema },
  lockExchangeRate: { type: 'payments.partner-lock-exchange-rate.v1', schema: partnerRefSchema },
  executeExchange: { type: 'payments.partner-execute-exchange.v1', schema: partnerExecuteExchangeSchema.safeExtend(requestIdField) },
  getSepaDepositInfo: { type: 'payments.partner-get-sepa-deposit-info.v1', schema: partnerRefSchema },
  getSepaContacts: { type: 'payments.partner-get-sepa-contacts.v1', schema: partnerRefSchema },
  sendSepaTransfer: { type: 'payments.partner-send-sepa-transfer.v1', schema: partnerSepaTransferSchema.safeExtend(requestIdField) },
  withdrawCrypto: { type: 'payments.partner-withdraw-crypto.v1', schema: partnerCryptoWithdrawalSchema.safeExtend(requestIdField) },
  submitTravelRule: { type: 'payments.partner-submit-travel-rule.v1', schema: partnerTravelRuleSchema.safeExtend(requestIdField) },
} as const;
