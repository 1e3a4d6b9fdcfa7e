import { z } from 'zod';
import { MONEY_CURRENCIES } from '../ledger/currency-catalog';
import { amountField, amountPrecisionProblem } from '../money/amount-schema';

const currency = z.enum(MONEY_CURRENCIES as [string, ...string[]], {
  error: `must be one of the following values: ${MONEY_CURRENCIES.join(', ')}`,
});
const externalUserId = z.string().min(1, 'should not be empty').optional();

/** Create a Transfer (#48, openapi `InternalTransferRequest`); the one-direction rule is P424, checked after. */
export const internalTransferRequest = z
  .object({ sourceExternalUserId: externalUserId, destinationExternalUserId: externalUserId, amount: amountField, currency })
  .superRefine((value, ctx) => {
    const precision = amountPrecisionProblem(value.amount, value.currency);
    if (precision) ctx.addIssue({ code: 'custom', path: [], message: precision });
  });

/** Create transfer master balance (L3, body inferred: `{amount, currency}`). */
export const masterBalanceTransferRequest = z.object({ amount: amountField, currency }).superRefine((value, ctx) => {
  const precision = amountPrecisionProblem(value.amount, value.currency);
  if (precision) ctx.addIssue({ code: 'custom', path: [], message: precision });
});
