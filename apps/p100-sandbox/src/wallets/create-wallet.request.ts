import { z } from 'zod';
import { CRYPTO_CURRENCIES, cryptoCurrency } from '../ledger/currency-catalog';

const slugs = CRYPTO_CURRENCIES.map((c) => c.slug);

/** Create Wallet (#3, body inferred: `{currency, network?}`); network defaults to the currency's first. */
export const createWalletRequest = z
  .object({
    currency: z.enum(slugs as [string, ...string[]], { error: `must be one of the following values: ${slugs.join(', ')}` }),
    network: z.string().min(1, 'should not be empty').optional(),
  })
  .superRefine((v, ctx) => {
    const networks = Object.keys(cryptoCurrency(v.currency)?.networkConfig ?? {});
    if (v.network !== undefined && !networks.includes(v.network)) {
      ctx.addIssue({ code: 'custom', path: ['network'], message: `must be one of the following values: ${networks.join(', ')}` });
    }
  })
  .transform((v) => ({ currency: v.currency, network: v.network ?? Object.keys(cryptoCurrency(v.currency)!.networkConfig)[0]! }));
