import { Injectable } from '@nestjs/common';
import { query, queryOne, type Sql } from '../database/sql';
import { isPositive, parseAmount } from '../money/decimal';
import { currencyDecimals } from './currency-catalog';

export type LedgerOwner = { kind: 'partner' } | { kind: 'user'; userId: string }; // users.id (uuid)

/** The owner of a row that belongs to a user when it has one (`user_id`), else to the partner. */
export function ledgerOwnerOf(userId: string | null | undefined): LedgerOwner {
  return userId ? { kind: 'user', userId } : { kind: 'partner' };
}

export interface LedgerEntry {
  owner: LedgerOwner;
  /** Slug, lower case: 'eur', 'btc', 'usdc', ... */
  currency: string;
  /** Positive decimal string, at most the currency's decimals. */
  amount: string;
  /** What caused the movement, e.g. { type: 'sepa-transfer', id }. */
  reference: { type: string; id: string };
}

/**
 * The only code that changes amounts. User balances are the `amount` of their `balances` rows,
 * the partner's are `partner_balances`; every movement is journaled with its reference. All
 * arithmetic is Postgres numeric. Callers pass their transaction so a movement commits together
 * with the state change (and webhook) that caused it.
 */
@Injectable()
export class LedgerService {
  async balance(db: Sql, owner: LedgerOwner, currency: string): Promise<string> {
    const row =
      owner.kind === 'user'
        ? await queryOne<{ amount: string }>(db, `SELECT amount::text AS amount FROM balances WHERE user_id = $1 AND currency = $2`, [
            owner.userId,
            currency,
          ])
        : await queryOne<{ amount: string }>(db, `SELECT amount::text AS amount FROM partner_balances WHERE currency = $1`, [currency]);
    return normalizeNumeric(row?.amount ?? '0');
  }

  async credit(db: Sql, entry: LedgerEntry): Promise<void> {
    const amount = validAmount(entry);
    const row =
      entry.owner.kind === 'user'
        ? await queryOne<{ amount: string }>(
            db,
            `UPDATE balances SET amount = amount + $3::numeric WHERE user_id = $1 AND currency = $2 RETURNING amount::text AS amount`,
            [entry.owner.userId, entry.currency, amount],
          )
        : await queryOne<{ amount: string }>(
            db,
            `INSERT INTO partner_balances (currency, amount) VALUES ($1, $2::numeric)
             ON CONFLICT (currency) DO UPDATE SET amount = partner_balances.amount + EXCLUDED.amount, updated_at = now()
             RETURNING amount::text AS amount`,
            [entry.currency, amount],
          );
    // Users get their balance rows when KYC is approved; crediting anyone else is a caller bug.
    if (!row) throw new Error(`User ${ownerUserId(entry.owner)} has no ${entry.currency} balance`);
    await journal(db, entry, 'credit', amount, row.amount);
  }

  /** false (and no change) when funds are insufficient: callers fail the transaction with P433's meaning. */
  async tryDebit(db: Sql, entry: LedgerEntry): Promise<boolean> {
    const amount = validAmount(entry);
    // One conditional UPDATE: concurrent debits serialise on the row and the check is re-evaluated
    // on the committed value, so the balance can never go below zero.
    const row =
      entry.owner.kind === 'user'
        ? await queryOne<{ amount: string }>(
            db,
            `UPDATE balances SET amount = amount - $3::numeric
              WHERE user_id = $1 AND currency = $2 AND amount >= $3::numeric RETURNING amount::text AS amount`,
            [entry.owner.userId, entry.currency, amount],
          )
        : await queryOne<{ amount: string }>(
            db,
            `UPDATE partner_balances SET amount = amount - $2::numeric, updated_at = now()
              WHERE currency = $1 AND amount >= $2::numeric RETURNING amount::text AS amount`,
            [entry.currency, amount],
          );
    if (!row) return false;
    await journal(db, entry, 'debit', amount, row.amount);
    return true;
  }
}

function validAmount(entry: LedgerEntry): string {
  const decimals = currencyDecimals(entry.currency);
  if (decimals === undefined) throw new Error(`Unknown currency "${entry.currency}"`);
  const amount = parseAmount(entry.amount, decimals);
  if (amount === undefined || !isPositive(amount)) {
    throw new Error(`Invalid ${entry.currency} amount "${entry.amount}" (positive, at most ${decimals} decimals)`);
  }
  return amount;
}

async function journal(db: Sql, entry: LedgerEntry, direction: 'credit' | 'debit', amount: string, balanceAfter: string): Promise<void> {
  await query(
    db,
    `INSERT INTO ledger_journal (owner_kind, user_id, currency, direction, amount, balance_after, reference_type, reference_id)
     VALUES ($1, $2, $3, $4, $5::numeric, $6::numeric, $7, $8)`,
    [entry.owner.kind, ownerUserId(entry.owner), entry.currency, direction, amount, balanceAfter, entry.reference.type, entry.reference.id],
  );
}

function ownerUserId(owner: LedgerOwner): string | null {
  return owner.kind === 'user' ? owner.userId : null;
}

/** numeric(38, 18) text has trailing zeros ('5.000000000000000000'); the API speaks '5'. */
function normalizeNumeric(text: string): string {
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}
