import { z } from 'zod';
import { MONEY_CURRENCIES } from '../ledger/currency-catalog';
import { amountField, amountPrecisionProblem } from '../money/amount-schema';

const currency = z.enum(MONEY_CURRENCIES as [string, ...string[]], {
  error: `must be one of the following values: ${MONEY_CURRENCIES.join(', ')}`,
});

const exchangeFields = {
  amount: amountField,
  currencyFrom: currency,
  currencyTo: currency,
  lockId: z.uuid({ error: 'must be a UUID' }),
};

/** Cross-field rules P100 validates with the fields: distinct currencies, amount precision. */
function exchangeRules(value: { amount: string; currencyFrom: string; currencyTo: string }, ctx: z.RefinementCtx): void {
  if (value.currencyFrom === value.currencyTo) {
    ctx.addIssue({ code: 'custom', path: ['currencyTo'], message: 'must differ from currencyFrom' });
  }
  const precision = amountPrecisionProblem(value.amount, value.currencyFrom);
  if (precision) ctx.addIssue({ code: 'custom', path: [], message: precision });
}

/** Create and Finalize an Exchange, partner form (#6, openapi `ExchangeExecuteRequest`). */
export const partnerExchangeRequest = z.object(exchangeFields).superRefine(exchangeRules);

/** Create and Finalize an Exchange, user form (#38, openapi `UserExchangeRequest`). */
export const userExchangeRequest = z
  .object({ sourceExternalUserId: z.string().min(1, 'should not be empty'), ...exchangeFields })
  .superRefine(exchangeRules);

export type ExchangeRequest = z.infer<typeof partnerExchangeRequest> & { sourceExternalUserId?: string };
