import { query, type Sql } from '../database/sql';
import { generateIban } from '../balances/iban';
import { MONEY_CURRENCIES } from './currency-catalog';

export interface PartnerBalanceRow {
  id: string;
  currency: string;
  /** Exact numeric text. */
  amount: string;
  rate: string | null;
  iban: string | null;
  wallet: string | null;
}

/**
 * The partner holds a balance in every currency from the start (Get Balances lists them all, at
 * zero); rows are created on first read, the EUR one with the partner's IBAN.
 */
export async function ensurePartnerBalances(db: Sql): Promise<void> {
  await query(
    db,
    `INSERT INTO partner_balances (currency, amount) SELECT unnest($1::text[]), 0 ON CONFLICT (currency) DO NOTHING`,
    [MONEY_CURRENCIES],
  );
  // The ledger may have created the EUR row by a credit, without an IBAN.
  await query(db, `UPDATE partner_balances SET iban = $1 WHERE currency = 'eur' AND iban IS NULL`, [generateIban()]);
}

export async function listPartnerBalances(db: Sql): Promise<PartnerBalanceRow[]> {
  await ensurePartnerBalances(db);
  return query<PartnerBalanceRow>(
    db,
    `SELECT p.id, p.currency, p.amount::text AS amount, r.rate::text AS rate, p.iban, p.wallet
       FROM partner_balances p LEFT JOIN rates r ON r.currency = p.currency
      WHERE p.currency = ANY ($1::text[])
      ORDER BY p.currency`,
    [MONEY_CURRENCIES],
  );
}

/** Sets the deposit address Create Wallet produced for a currency. */
export async function setPartnerWallet(db: Sql, currency: string, wallet: string): Promise<void> {
  await ensurePartnerBalances(db);
  await query(db, `UPDATE partner_balances SET wallet = $2, updated_at = now() WHERE currency = $1`, [currency, wallet]);
}
