import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { DomainError } from '@platform/contracts';
import { PAYMENTS_CONFIG, type PaymentsConfig } from '../payments.config';

/** What a lock is for: an exchange (a user's or the partner's), or an order of the partner's. */
export type RateLockPurpose = 'exchange' | 'order';

/** Whose lock it is: a user's (exchange) or the partner's (externalUserId null: orders, partner exchanges). */
export interface RateLockOwner {
  purpose: RateLockPurpose;
  externalUserId: string | null;
}

export type RememberedLock =
  | { purpose: 'exchange'; lockId: string; externalUserId: string | null; feePercentage: string; createdAt: string; expiresAt: string }
  | { purpose: 'order'; lockId: string; currency: string; network: string; amount: string; amountEur: string; rate: string; expiresAt: string };

/** An order lock's quote, which the order is created from. */
export interface OrderQuote {
  currency: string;
  network: string;
  amount: string;
  amountEur: string;
}

/**
 * The rate locks we handed out, for exchanges and orders alike. A lock is good for one movement
 * before it expires; both are checked here, before P100 is called, so a second use or a late one
 * costs P100 nothing.
 */
@Injectable()
export class RateLocksRepository {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(PAYMENTS_CONFIG) private readonly config: PaymentsConfig,
  ) {}

  async remember(lock: RememberedLock): Promise<void> {
    const exchange = lock.purpose === 'exchange' ? lock : undefined;
    const order = lock.purpose === 'order' ? lock : undefined;
    await this.dataSource.query(
      `INSERT INTO rate_locks (lock_id, purpose, external_user_id, fee_percentage, currency, network, amount, amount_eur, rate, created_at, expires_at)
       VALUES ($1, $2, $3, $4::numeric, $5, $6, $7::numeric, $8::numeric, $9::numeric, COALESCE($10::timestamptz, now()), $11)
       ON CONFLICT (lock_id) DO NOTHING`,
      [
        lock.lockId,
        lock.purpose,
        exchange?.externalUserId ?? null,
        exchange?.feePercentage ?? null,
        order?.currency ?? null,
        order?.network ?? null,
        order?.amount ?? null,
        order?.amountEur ?? null,
        order?.rate ?? null,
        exchange?.createdAt ?? null,
        lock.expiresAt,
      ],
    );
  }

  /** The quote of one of the partner's order locks; RATE_LOCK_NOT_FOUND when we never handed it out. */
  async orderQuote(lockId: string): Promise<OrderQuote> {
    const [quote]: OrderQuote[] = await this.dataSource.query(
      `SELECT currency, network, amount::text AS amount, amount_eur::text AS "amountEur" FROM rate_locks WHERE lock_id = $1 AND purpose = 'order'`,
      [lockId],
    );
    if (!quote) throw notFound(lockId, { purpose: 'order', externalUserId: null });
    return quote;
  }

  /** Marks the lock used by `movementId`, in the transaction recording the movement; refuses a used, expired or foreign lock. */
  async consume(manager: EntityManager, lockId: string, owner: RateLockOwner, movementId: string): Promise<void> {
    const taken: unknown[] = await manager.query(
      `UPDATE rate_locks SET used_by = $4, used_at = now()
        WHERE lock_id = $1 AND purpose = $2 AND external_user_id IS NOT DISTINCT FROM $3 AND used_by IS NULL
          AND expires_at > now() + make_interval(secs => $5::bigint / 1000.0)
        RETURNING lock_id`,
      [lockId, owner.purpose, owner.externalUserId, movementId, this.config.PAYMENTS_RATE_LOCK_MARGIN_MS],
    );
    if ((Array.isArray(taken[0]) ? (taken[0] as unknown[]) : taken).length > 0) return;
    const [lock]: Array<{ used_by: string | null; expires_at: Date }> = await manager.query(
      `SELECT used_by, expires_at FROM rate_locks WHERE lock_id = $1 AND purpose = $2 AND external_user_id IS NOT DISTINCT FROM $3`,
      [lockId, owner.purpose, owner.externalUserId],
    );
    if (!lock) throw notFound(lockId, owner);
    if (lock.used_by !== null) throw new DomainError('RATE_LOCK_USED', `lockId ${lockId} was already used; request a new lock`, { field: 'lockId' });
    throw new DomainError('RATE_LOCK_EXPIRED', `lockId ${lockId} expired at ${lock.expires_at.toISOString()}; request a new lock`, { field: 'lockId' });
  }

  /** P100 never took the movement: the lock is still good there, so it is good here. */
  async release(manager: EntityManager, lockId: string, movementId: string): Promise<void> {
    await manager.query(`UPDATE rate_locks SET used_by = NULL, used_at = NULL WHERE lock_id = $1 AND used_by = $2`, [lockId, movementId]);
  }
}

function notFound(lockId: string, owner: RateLockOwner): DomainError {
  const whose = owner.externalUserId === null ? 'the partner' : `user ${owner.externalUserId}`;
  return new DomainError('RATE_LOCK_NOT_FOUND', `lockId ${lockId} is not ${owner.purpose === 'order' ? 'an order' : 'an exchange'} rate lock of ${whose}; request one first`, { field: 'lockId' });
}
