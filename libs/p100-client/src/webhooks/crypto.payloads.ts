import { z } from 'zod';
import { decimalString, idString, statusString, timestamp, webhookError } from './webhook-fields';

/** Crypto webhooks (webhooks.md #5, #12, #13); lenient, unknown fields kept. */

/**
 * Create Wallet: only the name is documented; proposed payload (inferred) `{currency, network,
 * wallet, status}`. The currency and the wallet address identify the occurrence.
 */
export const walletCreatedWebhookSchema = z.looseObject({
  currency: z.string().min(1),
  network: z.string().optional(),
  wallet: z.string().min(1),
  status: statusString,
});
export type WalletCreatedWebhook = z.infer<typeof walletCreatedWebhookSchema>;

/**
 * Crypto Withdrawal (`/crypto-withdrawal-webhook`): the old docs' `{id, amount, fee, destination,
 * status}` (amounts as JSON numbers) are partly documented; `transactionHash`, `currency`,
 * `network`, `createdAt` and `error` are inferred. The status vocabulary was not retrieved.
 */
export const cryptoWithdrawalWebhookSchema = z.looseObject({
  id: idString,
  amount: decimalString,
  fee: decimalString.optional(),
  destination: z.string().optional(),
  status: statusString,
  transactionHash: z.string().nullable().optional(),
  currency: z.string().optional(),
  network: z.string().optional(),
  createdAt: timestamp.optional(),
  error: webhookError,
});
export type CryptoWithdrawalWebhook = z.infer<typeof cryptoWithdrawalWebhookSchema>;

/**
 * Crypto Deposit (documented, flat form; the FAQ's `{event_type, data}` envelope contradicts the
 * dedicated page and is not accepted). Deposits to the partner's own wallet carry no
 * `externalUserId` (inferred), so it is optional.
 */
export const cryptoDepositWebhookSchema = z.looseObject({
  externalUserId: idString.optional(),
  cryptoDepositId: idString,
  /** A JSON number on the wire (e.g. `0.001`). */
  amount: decimalString,
  /** Lower-case slug, e.g. `eth`. */
  currency: z.string().min(1),
  status: z.enum(['SUCCESSFUL', 'UNSUCCESSFUL', 'WAITING_FOR_VERIFICATION', 'WAITING_FOR_TR_DATA']),
  transactionHash: z.string().optional(),
  createdAt: timestamp.optional(),
});
export type CryptoDepositWebhook = z.infer<typeof cryptoDepositWebhookSchema>;
