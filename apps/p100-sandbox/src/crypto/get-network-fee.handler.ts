import { Injectable } from '@nestjs/common';
import { jsonAmount } from '../money/exact-json';
import { z } from 'zod';
import { P100Error } from '../errors/p100-error';
import { parseP100Input } from '../errors/parse-p100-input';
import { resolveNetwork } from './crypto-networks';
import { networkFee } from './network-fees';

const MULTI_NETWORK = new Set(['usdc', 'usdt']);

const networkFeeQuery = z
  .object({
    currency: z.string().min(1, 'should not be empty').transform((v) => v.toLowerCase()),
    network: z.enum(['polygon'], { error: 'must be one of the following values: polygon' }).optional(),
  })
  .superRefine((q, ctx) => {
    // "send it solely for usdc/usdt withdrawn on Polygon; never send it for other currencies"
    if (q.network && !MULTI_NETWORK.has(q.currency)) {
      ctx.addIssue({ code: 'custom', path: ['network'], message: 'must not be sent for this currency' });
    }
  });

/**
 * Get Network Fee (#12 / #44). An unknown currency is P410; doge and eurt are in the contract's
 * list but the sandbox holds no balances in them, so they are P410 too (inferred).
 */
@Injectable()
export class GetNetworkFeeHandler {
  execute(rawQuery: unknown): { networkFee: number } {
    const query = parseP100Input(networkFeeQuery, rawQuery);
    const resolved = resolveNetwork(query.currency, query.network);
    const fee = resolved && networkFee(resolved.currency.slug, resolved.network);
    if (!fee) throw new P100Error('P410');
    return { networkFee: jsonAmount(fee) };
  }
}
