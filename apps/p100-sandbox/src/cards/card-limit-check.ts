import { queryOne, type Sql } from '../database/sql';
import type { CardRow } from './card';
import type { CardTransactionRequest } from './card-transaction.request';

export type LimitDeclineReason = 'DAILY_LIMIT_EXCEEDED' | 'MONTHLY_LIMIT_EXCEEDED' | 'DAILY_ATM_LIMIT_EXCEEDED' | 'MONTHLY_ATM_LIMIT_EXCEEDED' | 'DAILY_ECOM_LIMIT_EXCEEDED' | 'MONTHLY_ECOM_LIMIT_EXCEEDED';

/**
 * Which limit, if any, the payment would break: approved spending of the calendar day / month
 * (UTC; P100's windows are not documented (inferred)) plus this amount, against the card's "all"
 * limits and its channel's limits. All sums and comparisons in SQL numeric.
 */
export async function limitDeclineReason(tx: Sql, card: CardRow, payment: CardTransactionRequest): Promise<LimitDeclineReason | undefined> {
  const row = await queryOne<Record<string, boolean>>(
    tx,
    `WITH spent AS (
       SELECT COALESCE(sum(amount) FILTER (WHERE created_at >= date_trunc('day', now())), 0) AS day_all,
              COALESCE(sum(amount), 0) AS month_all,
              COALESCE(sum(amount) FILTER (WHERE channel = $3 AND created_at >= date_trunc('day', now())), 0) AS day_channel,
              COALESCE(sum(amount) FILTER (WHERE channel = $3), 0) AS month_channel
         FROM card_transactions
        WHERE card_id = $1 AND status = 'APPROVED' AND created_at >= date_trunc('month', now()))
     SELECT day_all + $2::numeric > $4::numeric AS "DAILY_LIMIT_EXCEEDED",
            month_all + $2::numeric > $5::numeric AS "MONTHLY_LIMIT_EXCEEDED",
            $3 <> 'POS' AND day_channel + $2::numeric > $6::numeric AS "DAILY_CHANNEL",
            $3 <> 'POS' AND month_channel + $2::numeric > $7::numeric AS "MONTHLY_CHANNEL"
       FROM spent`,
    [card.id, payment.amount, payment.channel, card.daily_trx_all, card.monthly_trx_all, ...channelLimits(card, payment.channel)],
  );
  if (row?.DAILY_LIMIT_EXCEEDED) return 'DAILY_LIMIT_EXCEEDED';
  if (row?.MONTHLY_LIMIT_EXCEEDED) return 'MONTHLY_LIMIT_EXCEEDED';
  if (row?.DAILY_CHANNEL) return payment.channel === 'ATM' ? 'DAILY_ATM_LIMIT_EXCEEDED' : 'DAILY_ECOM_LIMIT_EXCEEDED';
  if (row?.MONTHLY_CHANNEL) return payment.channel === 'ATM' ? 'MONTHLY_ATM_LIMIT_EXCEEDED' : 'MONTHLY_ECOM_LIMIT_EXCEEDED';
  return undefined;
}

/** POS payments have no limits of their own, only the "all" ones; their placeholders are unused. */
function channelLimits(card: CardRow, channel: CardTransactionRequest['channel']): [string, string] {
  if (channel === 'ATM') return [card.daily_trx_atm, card.monthly_trx_atm];
  if (channel === 'ECOM') return [card.daily_trx_ecom, card.monthly_trx_ecom];
  return ['0', '0'];
}
