import { z } from 'zod';
import { parseAmount } from '../money/decimal';
import { jsonAmount } from '../money/exact-json';
import type { CardRow } from './card';

/** The six limit fields (reference.md › Card limits), EUR amounts (currency not documented (inferred)). */
export const CARD_LIMIT_FIELDS = ['dailyTrxAll', 'monthlyTrxAll', 'dailyTrxAtm', 'monthlyTrxAtm', 'dailyTrxEcom', 'monthlyTrxEcom'] as const;
export type CardLimitField = (typeof CARD_LIMIT_FIELDS)[number];
export type CardLimits = Record<CardLimitField, string>;

/** Defaults of a new card; P100's are not documented (inferred). */
export const DEFAULT_CARD_LIMITS: CardLimits = {
  dailyTrxAll: '2000',
  monthlyTrxAll: '10000',
  dailyTrxAtm: '500',
  monthlyTrxAtm: '2000',
  dailyTrxEcom: '2000',
  monthlyTrxEcom: '10000',
};

type LimitColumn = 'daily_trx_all' | 'monthly_trx_all' | 'daily_trx_atm' | 'monthly_trx_atm' | 'daily_trx_ecom' | 'monthly_trx_ecom';

export const LIMIT_COLUMNS: Record<CardLimitField, LimitColumn & keyof CardRow> = {
  dailyTrxAll: 'daily_trx_all',
  monthlyTrxAll: 'monthly_trx_all',
  dailyTrxAtm: 'daily_trx_atm',
  monthlyTrxAtm: 'monthly_trx_atm',
  dailyTrxEcom: 'daily_trx_ecom',
  monthlyTrxEcom: 'monthly_trx_ecom',
};

/** A limit as its exact decimal text (JSON numbers arrive through `exactJsonBody`): ≥ 0, ≤ 2 decimals. */
export const limitValue = z
  .string({ error: 'must be a number' })
  .transform((value, ctx) => {
    const amount = parseAmount(value, 2);
    if (amount === undefined) {
      ctx.addIssue({ code: 'custom', message: 'must be a non-negative number with at most 2 decimal places' });
      return z.NEVER;
    }
    return amount;
  });

/** openapi `CardLimits`: numbers on the wire, written from the exact numeric text. */
export function toLimitsView(card: CardRow): Record<CardLimitField, number> {
  return Object.fromEntries(CARD_LIMIT_FIELDS.map((f) => [f, jsonAmount(card[LIMIT_COLUMNS[f]])])) as Record<CardLimitField, number>;
}
