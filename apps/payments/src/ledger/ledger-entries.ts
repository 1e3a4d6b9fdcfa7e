import { accountOf, PARTNER_ACCOUNT, type MovementRow } from '../movements/movement';

/** One side of a movement: `sign` × the sum of `amounts` on `account` in `currency` (computed in numeric). */
export interface LedgerEntry {
  account: string;
  currency: string;
  sign: 1 | -1;
  amounts: string[];
}

/**
 * What a movement does to balances, from its current figures: P100's final ones once it has
 * settled (the fee is known then), our request's before. The one place that knows each kind's
 * effect; the shadow ledger writes these as pending, then posted.
 */
export function ledgerEntriesOf(m: MovementRow): LedgerEntry[] {
  const owner = accountOf(m.external_user_id);
  const withFee = m.fee !== null && m.fee_currency === m.currency ? [m.amount, m.fee] : [m.amount];
  switch (m.kind) {
    case 'exchange':
      // P100 takes its fee out of what it credits: amountTo is already net.
      return [
        { account: owner, currency: m.currency, sign: -1, amounts: [m.amount] },
        ...(m.amount_to !== null && m.currency_to !== null ? [{ account: owner, currency: m.currency_to, sign: 1 as const, amounts: [m.amount_to] }] : []),
      ];
    case 'transfer-to-partner':
      return [
        { account: owner, currency: m.currency, sign: -1, amounts: [m.amount] },
        { account: PARTNER_ACCOUNT, currency: m.currency, sign: 1, amounts: [m.amount] },
      ];
    case 'transfer-from-partner':
      return [
        { account: PARTNER_ACCOUNT, currency: m.currency, sign: -1, amounts: [m.amount] },
        { account: owner, currency: m.currency, sign: 1, amounts: [m.amount] },
      ];
    case 'sepa-transfer':
    case 'crypto-withdrawal':
      // Fees are taken on top of the amount (reference.md, Fees).
      return [{ account: owner, currency: m.currency, sign: -1, amounts: withFee }];
    case 'sepa-deposit':
    case 'crypto-deposit':
      return [{ account: owner, currency: m.currency, sign: 1, amounts: [m.amount] }];
    // The partner's: a payer may never pay, so, as with deposits, nothing is pending before P100
    // credits. An order credits the EUR settlement its lock fixed (what P100 credits; the order
    // status names no EUR figure); a payment link its EUR amount.
    case 'order':
      return m.status === 'COMPLETED' && m.amount_to !== null && m.currency_to !== null ? [{ account: PARTNER_ACCOUNT, currency: m.currency_to, sign: 1, amounts: [m.amount_to] }] : [];
    case 'payment-link':
      return m.status === 'COMPLETED' ? [{ account: PARTNER_ACCOUNT, currency: m.currency, sign: 1, amounts: [m.amount] }] : [];
  }
}
