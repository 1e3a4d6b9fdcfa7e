import { z } from 'zod';

/** `month` and `year` query parameters (names inferred, openapi MonthQuery/YearQuery). */
export const transactionHistoryQuery = z.object({
  month: z.string({ error: 'must be an integer from 1 to 12' }).regex(/^(?:[1-9]|1[0-2]|0[1-9])$/, 'must be an integer from 1 to 12').transform(Number),
  year: z.string({ error: 'must be a four-digit year' }).regex(/^\d{4}$/, 'must be a four-digit year').transform(Number),
});
