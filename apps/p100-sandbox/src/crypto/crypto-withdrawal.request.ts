import { z } from 'zod';
import { amountField, amountPrecisionProblem } from '../money/amount-schema';
import { compare, normalize } from '../money/decimal';
import { requiredText } from '../sepa/request-fields';
import { isValidAddress, networksOf, resolveNetwork, SUPPORTED_CRYPTO, type CryptoNetwork } from './crypto-networks';

const fields = {
  currency: z
    .string()
    .transform((v) => v.toLowerCase())
    .refine((v) => SUPPORTED_CRYPTO.includes(v), `must be one of the following values: ${SUPPORTED_CRYPTO.join(', ')}`),
  amount: amountField,
  walletAddress: requiredText(128),
  memo: z.string().max(255, 'must be shorter than or equal to 255 characters').optional(),
  network: z.string().min(1, 'should not be empty').optional(),
  name: requiredText(),
  walletType: z.enum(['CUSTODIAL', 'NON_CUSTODIAL', 'OTHER'], {
    error: 'must be one of the following values: CUSTODIAL, NON_CUSTODIAL, OTHER',
  }),
  receiverType: z.enum(['NATURAL', 'LEGAL'], { error: 'must be one of the following values: NATURAL, LEGAL' }),
};

export interface CryptoWithdrawalInput {
  sourceExternalUserId?: string;
  target: CryptoNetwork;
  amount: string;
  walletAddress: string;
  memo?: string;
  name: string;
  walletType: string;
  receiverType: string;
}

/**
 * Create Crypto Withdrawal (#13 partner, #45 user). Checks that need the currency — network,
 * address format, decimals, minimum withdrawal (`networkConfig`, reference.md) — run once the
 * currency is known, so every problem still lands in one P403.
 */
function withCurrencyRules<T extends z.ZodRawShape>(shape: T) {
  return z.object(shape).transform((body: Record<string, any>, ctx): CryptoWithdrawalInput => {
    const target = resolveNetwork(body.currency, body.network);
    if (!target) {
      ctx.addIssue({ code: 'custom', path: ['network'], message: `must be one of the following values: ${networksOf(body.currency).join(', ')}` });
      return z.NEVER;
    }
    let valid = true;
    const precision = amountPrecisionProblem(body.amount, target.currency.slug);
    if (precision) {
      valid = false;
      ctx.addIssue({ code: 'custom', path: [], message: precision });
    } else {
      const minimum = target.config.withdrawal.minWithdrawal;
      if (compare(body.amount, minimum) < 0) {
        valid = false;
        ctx.addIssue({ code: 'custom', path: ['amount'], message: `must not be less than ${minimum}` });
      }
    }
    if (!isValidAddress(target.currency, body.walletAddress)) {
      valid = false;
      ctx.addIssue({ code: 'custom', path: ['walletAddress'], message: `must be a valid ${target.currency.slug} ${target.network} address` });
    }
    if (!valid) return z.NEVER;
    return {
      sourceExternalUserId: body.sourceExternalUserId,
      target,
      amount: normalize(body.amount),
      walletAddress: body.walletAddress,
      memo: body.memo,
      name: body.name,
      walletType: body.walletType,
      receiverType: body.receiverType,
    };
  });
}

export const partnerCryptoWithdrawalRequest = withCurrencyRules(fields);
export const userCryptoWithdrawalRequest = withCurrencyRules({ sourceExternalUserId: requiredText(), ...fields });
