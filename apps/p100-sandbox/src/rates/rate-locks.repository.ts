import { queryOne, type Sql } from '../database/sql';
import { P100ValidationError } from '../errors/p100-error';
import type { LedgerOwner } from '../ledger/ledger.service';

export interface RateLockRow {
  id: string;
  rates: Record<string, string>;
  fee_percentage: string;
}

export async function insertRateLock(
  db: Sql,
  lock: { id: string; owner: LedgerOwner; rates: Record<string, string>; feePercentage: string; createdAt: Date; validUntil: Date },
): Promise<void> {
  await queryOne(
    db,
    `INSERT INTO rate_locks (id, owner_kind, user_id, rates, fee_percentage, created_at, valid_until)
     VALUES ($1, $2, $3, $4::jsonb, $5::numeric, $6, $7)`,
    [
      lock.id,
      lock.owner.kind,
      lock.owner.kind === 'user' ? lock.owner.userId : null,
      JSON.stringify(lock.rates),
      lock.feePercentage,
      lock.createdAt,
      lock.validUntil,
    ],
  );
}

/**
 * Uses a lock once: one conditional UPDATE, so two exchanges racing for the same lock cannot both
 * win. P100 documents no code for an unknown, expired or used lock, so these are P403 with a
 * message that says which (decision in the README). A lock belongs to whoever took it: a user's
 * lock is unknown to the partner and to other users.
 */
export async function consumeRateLock(db: Sql, lockId: string, owner: LedgerOwner): Promise<RateLockRow> {
  const userId = owner.kind === 'user' ? owner.userId : null;
  const used = await queryOne<RateLockRow>(
    db,
    `UPDATE rate_locks SET used_at = now()
      WHERE id = $1 AND owner_kind = $2 AND user_id IS NOT DISTINCT FROM $3::uuid
        AND used_at IS NULL AND valid_until > now()
      RETURNING id, rates, fee_percentage::text AS fee_percentage`,
    [lockId, owner.kind, userId],
  );
  if (used) return used;
  const existing = await queryOne<{ used: boolean; expired: boolean }>(
    db,
    `SELECT used_at IS NOT NULL AS used, valid_until <= now() AS expired
       FROM rate_locks WHERE id = $1 AND owner_kind = $2 AND user_id IS NOT DISTINCT FROM $3::uuid`,
    [lockId, owner.kind, userId],
  );
  if (!existing) throw new P100ValidationError(['lockId does not match any rate lock of this account']);
  if (existing.used) throw new P100ValidationError(['lockId has already been used; request a new lock']);
  throw new P100ValidationError(['lockId has expired; request a new lock']);
}
