import { z } from 'zod';
import { decimalSchema } from './money';

const isoTimestamp = z.string().describe('RFC 3339 timestamp');

/**
 * Kinds of money movement the platform tracks, outgoing (ours) and incoming (P100 credits by
 * itself). `order` and `payment-link` are the partner's (externalUserId null): a payer pays in
 * crypto, P100 settles EUR to the partner's balance.
 */
export const MOVEMENT_KINDS = [
  'exchange',
  'transfer-to-partner',
  'transfer-from-partner',
  'sepa-transfer',
  'crypto-withdrawal',
  'sepa-deposit',
  'crypto-deposit',
  'order',
  'payment-link',
] as const;
export type MovementKind = (typeof MOVEMENT_KINDS)[number];

/**
 * The lifecycle every movement follows (docs/payments.md): REQUESTED (recorded, P100 not yet
 * answered) → PENDING (P100 accepted it, its id is known) → PROCESSING → COMPLETED | FAILED.
 * UNKNOWN: the request may have reached P100 but its answer was lost; it is settled by asking P100,
 * never by sending again. HELD: an incoming crypto deposit waits for travel-rule data.
 */
export const MOVEMENT_STATUSES = ['REQUESTED', 'UNKNOWN', 'PENDING', 'HELD', 'PROCESSING', 'COMPLETED', 'FAILED'] as const;
export type MovementStatus = (typeof MOVEMENT_STATUSES)[number];
export const FINAL_MOVEMENT_STATUSES: readonly MovementStatus[] = ['COMPLETED', 'FAILED'];

/** What every movement operation answers, and the payload of every settlement event. */
export const movementViewSchema = z.object({
  movementId: z.string().describe('our id of the movement (UUID)'),
  kind: z.enum(MOVEMENT_KINDS),
  externalUserId: z.string().nullable().describe('null for the partner'),
  status: z.enum(MOVEMENT_STATUSES),
  /** Order: the crypto the payer must send (the lock's quote). */
  amount: decimalSchema,
  currency: z.string(),
  /** Exchange: what the user receives, after P100's fee (known once COMPLETED). Order: the EUR P100 settles to the partner (fixed by the lock). */
  amountTo: decimalSchema.nullable(),
  currencyTo: z.string().nullable(),
  /** P100's fee, in `feeCurrency`, once known. */
  fee: decimalSchema.nullable(),
  feeCurrency: z.string().nullable(),
  /** P100's id (exchangeId, transferId, withdrawalId, deposit id, orderId, paymentLinkId); null until P100 answered. */
  p100Id: z.string().nullable(),
  p100Status: z.string().nullable(),
  /** Where the money went or came from: IBAN, wallet address (an order's: where the payer pays, once P100 assigned it); null for internal moves. */
  counterparty: z.string().nullable(),
  transactionHash: z.string().nullable(),
  /** Payment link or hosted checkout: the page the payer opens; null for other kinds. */
  url: z.string().nullable(),
  /** Why a FAILED movement failed: a stable code and P100's reason. */
  failureCode: z.string().nullable(),
  failureReason: z.string().nullable(),
  createdAt: isoTimestamp,
  updatedAt: isoTimestamp,
  settledAt: isoTimestamp.nullable(),
});
export type MovementView = z.infer<typeof movementViewSchema>;

export const rateViewSchema = z.object({ currency: z.string(), rateEur: decimalSchema.describe('value of one unit in EUR') });

export const exchangeRatesViewSchema = z.object({ rates: z.array(rateViewSchema) });
export type ExchangeRatesView = z.infer<typeof exchangeRatesViewSchema>;

export const exchangeLockViewSchema = z.object({
  lockId: z.string(),
  rates: z.array(rateViewSchema),
  feePercentage: decimalSchema,
  createdAt: isoTimestamp,
  /** P100's validUntil: execute before it, once. */
  expiresAt: isoTimestamp,
});
export type ExchangeLockView = z.infer<typeof exchangeLockViewSchema>;

/**
 * An order's rate lock (P100's OrderLockResponse): the payer sends `amount` of `currency` over
 * `network`, P100 settles `amountEur` to the partner. Create the order before `expiresAt`, once.
 */
export const orderLockViewSchema = z.object({
  lockId: z.string(),
  currency: z.string(),
  network: z.string(),
  /** Crypto to pay, cut to the currency's decimals. */
  amount: decimalSchema,
  amountEur: decimalSchema,
  /** EUR per unit of `currency`. */
  rate: decimalSchema,
  expiresAt: isoTimestamp,
});
export type OrderLockView = z.infer<typeof orderLockViewSchema>;

export const sepaDepositInfoViewSchema = z.object({
  iban: z.string(),
  swift: z.string(),
  accountHolder: z.string(),
  address: z.string(),
  /** Must be copied verbatim into the bank transfer's title. */
  title: z.string(),
});
export type SepaDepositInfoView = z.infer<typeof sepaDepositInfoViewSchema>;

export const sepaContactsViewSchema = z.object({
  contacts: z.array(z.object({ iban: z.string(), name: z.string().nullable(), createdAt: isoTimestamp.nullable() })),
});
export type SepaContactsView = z.infer<typeof sepaContactsViewSchema>;

export const networkFeeViewSchema = z.object({ currency: z.string(), network: z.string(), networkFee: decimalSchema });
export type NetworkFeeView = z.infer<typeof networkFeeViewSchema>;

/**
 * The shadow ledger of one owner, per currency (Modern Treasury's semantics): `posted` = settled
 * movements; `pending` = posted plus movements under way; `available` = posted minus pending debits.
 */
export const ledgerBalanceViewSchema = z.object({
  currency: z.string(),
  posted: decimalSchema,
  pending: decimalSchema,
  available: decimalSchema,
});
export const ledgerViewSchema = z.object({ externalUserId: z.string().nullable(), balances: z.array(ledgerBalanceViewSchema) });
export type LedgerView = z.infer<typeof ledgerViewSchema>;
