import { z } from 'zod';
import { amountPrecisionProblem } from '../money/amount-schema';
import { isDecimal } from '../money/decimal';

/** A required text field in class-validator's wording (P100's validation messages). */
export const requiredText = (max = 255) =>
  z.string().trim().min(1, 'should not be empty').max(max, `must be shorter than or equal to ${max} characters`);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Path ids are uuid columns: anything else cannot match a row and must not reach Postgres as a uuid. */
export const isUuid = (value: string): boolean => UUID.test(value);

/**
 * Adds the P403 sentence for an amount with more decimals than its currency allows. Refinements
 * also run when other fields failed, so an amount that is missing or not a decimal (already
 * reported by its own field) is left alone here.
 */
export function checkAmountPrecision(ctx: z.RefinementCtx, amount: unknown, currency: string): void {
  if (typeof amount !== 'string' || !isDecimal(amount)) return;
  const problem = amountPrecisionProblem(amount, currency);
  if (problem) ctx.addIssue({ code: 'custom', path: [], message: problem });
}
