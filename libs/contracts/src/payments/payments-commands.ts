import { z } from 'zod';
import { externalUserIdSchema } from '../onboarding/onboarding-commands';
import { checkNetwork, checkWithdrawalTarget } from './crypto-networks';
import { ibanSchema } from './iban';
import { cryptoCurrencySchema, currencySchema, positiveAmountSchema, withinCurrencyDecimals } from './money';

export const PAYMENTS_COMMANDS_TOPIC = 'payments.commands';

/** P100 ids we hand back (movement ids are ours, UUIDs); bounded and log-safe. */
export const p100IdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1-64 letters, digits, "-" or "_"');
/** Free text we pass on to P100 (titles, names, descriptions): trimmed, bounded, no control characters. */
export const boundedText = (max: number) => z.string().trim().min(1).max(max).regex(/^[^\p{Cc}]*$/u, 'must not contain control characters');

/**
 * The caller's Idempotency-Key, scoped by caller (`<caller>:<key>`): the gateway adds it to every
 * money movement, and payments keys the movement on it, so a Kafka redelivery or a retry after a
 * lost reply finds the movement instead of calling P100 again.
 */
export const requestIdSchema = z.string().regex(/^[A-Za-z0-9._:-]{1,320}$/, 'must be <caller>:<Idempotency-Key>');

const requestIdField = { requestId: requestIdSchema };

export const userPaymentsRefSchema = z.strictObject({ externalUserId: externalUserIdSchema });
export type UserPaymentsRef = z.infer<typeof userPaymentsRefSchema>;

/** The exchange's fields; the partner's exchange is the same without externalUserId (partner-payments-commands.ts). */
export const executeExchangeFields = z.strictObject({
  externalUserId: externalUserIdSchema,
  lockId: p100IdSchema,
  amount: positiveAmountSchema,
  currencyFrom: currencySchema,
  currencyTo: currencySchema,
});
export function checkExchange(v: { amount: string; currencyFrom: string; currencyTo: string }, ctx: z.RefinementCtx): void {
  if (v.currencyFrom === v.currencyTo) ctx.addIssue({ code: 'custom', path: ['currencyTo'], message: 'must differ from currencyFrom' });
  withinCurrencyDecimals({ amount: v.amount, currency: v.currencyFrom }, ctx);
}
export const executeExchangeSchema = executeExchangeFields.superRefine(checkExchange);
export type ExecuteExchangeInput = z.infer<typeof executeExchangeSchema>;

const transferShape = { externalUserId: externalUserIdSchema, amount: positiveAmountSchema, currency: currencySchema };
/** User → partner ("collection") or partner → user; P100 has no user → user transfer. */
export const internalTransferSchema = z.strictObject(transferShape).superRefine((v, ctx) => withinCurrencyDecimals(v, ctx));
export type InternalTransferInput = z.infer<typeof internalTransferSchema>;

export const RECEIVER_TYPES = ['INDIVIDUAL', 'COMPANY'] as const;

/**
 * Outgoing SEPA: EUR with cents at most, an IBAN whose checksum holds, and optionally the receiver
 * (an individual's names or a company's name; P100's level-2 partners must send one). The
 * fields alone are exported for the partner's payout, the same without externalUserId.
 */
export const sepaTransferFields = z.strictObject({
  externalUserId: externalUserIdSchema,
  amount: positiveAmountSchema,
  currency: currencySchema.refine((v) => v === 'eur', { message: 'UNSUPPORTED_CURRENCY: SEPA moves eur only' }).default('eur'),
  destinationIban: ibanSchema,
  transferTitle: boundedText(140),
  receiverType: z.enum(RECEIVER_TYPES).optional(),
  receiverFirstName: boundedText(100).optional(),
  receiverLastName: boundedText(100).optional(),
  companyName: boundedText(140).optional(),
});
export function checkSepaTransfer(
  v: { amount: string; currency: string; receiverType?: (typeof RECEIVER_TYPES)[number]; receiverFirstName?: string; receiverLastName?: string; companyName?: string },
  ctx: z.RefinementCtx,
): void {
  withinCurrencyDecimals(v, ctx);
  if (v.receiverType === 'INDIVIDUAL') {
    if (!v.receiverFirstName) ctx.addIssue({ code: 'custom', path: ['receiverFirstName'], message: 'required for an INDIVIDUAL receiver' });
    if (!v.receiverLastName) ctx.addIssue({ code: 'custom', path: ['receiverLastName'], message: 'required for an INDIVIDUAL receiver' });
    if (v.companyName) ctx.addIssue({ code: 'custom', path: ['companyName'], message: 'only for a COMPANY receiver' });
  } else if (v.receiverType === 'COMPANY') {
    if (!v.companyName) ctx.addIssue({ code: 'custom', path: ['companyName'], message: 'required for a COMPANY receiver' });
    if (v.receiverFirstName || v.receiverLastName) ctx.addIssue({ code: 'custom', path: ['receiverFirstName'], message: 'only for an INDIVIDUAL receiver' });
  } else if (v.receiverFirstName || v.receiverLastName || v.companyName) {
    ctx.addIssue({ code: 'custom', path: ['receiverType'], message: 'required when receiver names are given' });
  }
}
export const sepaTransferSchema = sepaTransferFields.superRefine(checkSepaTransfer);
export type SepaTransferInput = z.infer<typeof sepaTransferSchema>;

export const networkSchema = z.string().min(1).max(20).transform((v) => v.toLowerCase());

export const networkFeeQuerySchema = z
  .strictObject({ currency: cryptoCurrencySchema, network: networkSchema.optional() })
  .superRefine((v, ctx) => {
    checkNetwork(v, ctx);
  });
export type NetworkFeeQuery = z.infer<typeof networkFeeQuerySchema>;

export const WALLET_TYPES = ['CUSTODIAL', 'NON_CUSTODIAL', 'OTHER'] as const;
export const PARTY_TYPES = ['NATURAL', 'LEGAL'] as const;

/** A crypto withdrawal's fields; the partner's withdrawal is the same without externalUserId. */
export const cryptoWithdrawalFields = z.strictObject({
  externalUserId: externalUserIdSchema,
  currency: cryptoCurrencySchema,
  network: networkSchema.optional(),
  amount: positiveAmountSchema,
  walletAddress: z.string().min(1).max(128),
  memo: boundedText(255).optional(),
  /** Travel rule: who receives the funds. */
  recipientName: boundedText(140),
  walletType: z.enum(WALLET_TYPES),
  receiverType: z.enum(PARTY_TYPES),
});
export function checkCryptoWithdrawal(v: Omit<z.infer<typeof cryptoWithdrawalFields>, 'externalUserId'>, ctx: z.RefinementCtx): void {
  withinCurrencyDecimals(v, ctx);
  checkWithdrawalTarget(v, ctx);
}
export const cryptoWithdrawalSchema = cryptoWithdrawalFields.superRefine(checkCryptoWithdrawal);
export type CryptoWithdrawalInput = z.infer<typeof cryptoWithdrawalSchema>;

/** Travel-rule data for an incoming crypto deposit P100 holds (status HELD); the partner's is the same without externalUserId. */
export const travelRuleSchema = z.strictObject({
  externalUserId: externalUserIdSchema,
  movementId: z.uuid(),
  senderName: boundedText(140),
  walletType: z.enum(WALLET_TYPES),
  senderType: z.enum(PARTY_TYPES),
});
export type TravelRuleInput = z.infer<typeof travelRuleSchema>;

export const movementRefSchema = z.strictObject({ externalUserId: externalUserIdSchema, movementId: z.uuid() });
export type MovementRef = z.infer<typeof movementRefSchema>;

/** Command types on `payments.commands`; money movements carry the caller-scoped requestId. */
export const PaymentsCommands = {
  getExchangeRates: { type: 'payments.get-exchange-rates.v1', schema: userPaymentsRefSchema },
  lockExchangeRate: { type: 'payments.lock-exchange-rate.v1', schema: userPaymentsRefSchema },
  executeExchange: { type: 'payments.execute-exchange.v1', schema: executeExchangeSchema.safeExtend(requestIdField) },
  transferToPartner: { type: 'payments.transfer-to-partner.v1', schema: internalTransferSchema.safeExtend(requestIdField) },
  transferFromPartner: { type: 'payments.transfer-from-partner.v1', schema: internalTransferSchema.safeExtend(requestIdField) },
  getSepaDepositInfo: { type: 'payments.get-sepa-deposit-info.v1', schema: userPaymentsRefSchema },
  getSepaContacts: { type: 'payments.get-sepa-contacts.v1', schema: userPaymentsRefSchema },
  sendSepaTransfer: { type: 'payments.send-sepa-transfer.v1', schema: sepaTransferSchema.safeExtend(requestIdField) },
  getNetworkFee: { type: 'payments.get-network-fee.v1', schema: networkFeeQuerySchema },
  withdrawCrypto: { type: 'payments.withdraw-crypto.v1', schema: cryptoWithdrawalSchema.safeExtend(requestIdField) },
  submitTravelRule: { type: 'payments.submit-travel-rule.v1', schema: travelRuleSchema.safeExtend(requestIdField) },
  getMovement: { type: 'payments.get-movement.v1', schema: movementRefSchema },
  getLedger: { type: 'payments.get-ledger.v1', schema: userPaymentsRefSchema },
} as const;
