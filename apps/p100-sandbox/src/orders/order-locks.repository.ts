import { queryOne, type Sql } from '../database/sql';
import { P100ValidationError } from '../errors/p100-error';

export interface OrderLockRow {
  id: string;
  currency: string;
  network: string;
  settlement_amount: string;
  crypto_amount: string;
}

/**
 * Uses an order lock once: one conditional UPDATE, so two orders racing for the same lock cannot
 * both win. P100 documents no code for an unknown, expired or used lock: P403 saying which, as
 * for exchange locks (README decision).
 */
export async function consumeOrderLock(db: Sql, lockId: string): Promise<OrderLockRow> {
  const used = await queryOne<OrderLockRow>(
    db,
    `UPDATE order_locks SET used_at = now()
      WHERE id = $1 AND used_at IS NULL AND expires_at > now()
      RETURNING id, currency, network, settlement_amount::text AS settlement_amount, crypto_amount::text AS crypto_amount`,
    [lockId],
  );
  if (used) return used;
  const existing = await queryOne<{ used: boolean }>(db, `SELECT used_at IS NOT NULL AS used FROM order_locks WHERE id = $1`, [lockId]);
  if (!existing) throw new P100ValidationError(['lockId does not match any order lock']);
  if (existing.used) throw new P100ValidationError(['lockId has already been used; request a new lock']);
  throw new P100ValidationError(['lockId has expired; request a new lock']);
}
