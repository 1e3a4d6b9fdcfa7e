import { z } from 'zod';
import { cryptoCurrencySchema, decimalSchema } from './money';

const isoTimestamp = z.string().describe('RFC 3339 timestamp');

export const accountBalanceViewSchema = z.object({
  currency: z.string(),
  amount: decimalSchema,
  /** EUR only: the IBAN P100 gave the account. */
  iban: z.string().nullable(),
  /** Crypto only: the deposit address, once a wallet exists. */
  wallet: z.string().nullable(),
});

/** What P100 holds for the partner itself, per currency (amounts exact). */
export const partnerBalancesViewSchema = z.object({ balances: z.array(accountBalanceViewSchema) });
export type PartnerBalancesView = z.infer<typeof partnerBalancesViewSchema>;

/** REST sends query strings, gRPC numbers: both are taken. */
const whole = (min: number, max: number) =>
  z.union([z.number(), z.string().regex(/^\d{1,4}$/, 'must be a whole number').transform(Number)]).pipe(z.number().int().min(min).max(max));

/** One calendar month (UTC) of the partner's movements at P100. */
export const transactionHistoryQuerySchema = z.strictObject({ month: whole(1, 12), year: whole(2020, 2100) });
export type TransactionHistoryQuery = z.infer<typeof transactionHistoryQuerySchema>;

export const transactionHistoryViewSchema = z.object({
  transactions: z.array(
    z.object({
      id: z.string(),
      type: z.string(),
      amount: decimalSchema,
      currency: z.string(),
      status: z.string(),
      /** P100's id of the movement behind the line (exchange, transfer...), when it sends one. */
      referenceId: z.string().nullable(),
      /** CREDIT or DEBIT, when P100 sends it. */
      direction: z.string().nullable(),
      createdAt: isoTimestamp,
    }),
  ),
});
export type TransactionHistoryView = z.infer<typeof transactionHistoryViewSchema>;

/** A deposit address of the partner's own for one crypto currency (P100 answers at once, the address comes later). */
export const createPartnerWalletSchema = z.strictObject({
  currency: cryptoCurrencySchema,
  network: z.string().min(1).max(20).transform((v) => v.toLowerCase()).optional(),
});
export type CreatePartnerWalletInput = z.infer<typeof createPartnerWalletSchema>;

export const partnerWalletViewSchema = z.object({
  id: z.string().nullable(),
  currency: z.string(),
  network: z.string().nullable(),
  /** PENDING until P100's Create Wallet webhook; the address is then on the partner balances. */
  status: z.string(),
});
export type PartnerWalletView = z.infer<typeof partnerWalletViewSchema>;

export const PartnerAccountCommands = {
  getBalances: { type: 'payments.get-partner-balances.v1', schema: z.strictObject({}) },
  getTransactionHistory: { type: 'payments.get-partner-transaction-history.v1', schema: transactionHistoryQuerySchema },
  createWallet: { type: 'payments.create-partner-wallet.v1', schema: createPartnerWalletSchema.safeExtend({ requestId: z.string().regex(/^[A-Za-z0-9._:-]{1,320}$/) }) },
} as const;
