import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { DomainError } from '@platform/contracts';
import { PAYMENTS_CONFIG, type PaymentsConfig } from '../payments.config';

/**
 * The rate locks we handed out. A lock is good for one exchange before it expires; both are
 * checked here, before P100 is called, so a second use or a late one costs P100 nothing.
 */
@Injectable()
export class RateLocksRepository {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(PAYMENTS_CONFIG) private readonly config: PaymentsConfig,
  ) {}

  async remember(lock: { lockId: string; externalUserId: string; feePercentage: string; createdAt: string; expiresAt: string }): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO rate_locks (lock_id, external_user_id, fee_percentage, created_at, expires_at) VALUES ($1, $2, $3::numeric, $4, $5) ON CONFLICT (lock_id) DO NOTHING`,
      [lock.lockId, lock.externalUserId, lock.feePercentage, lock.createdAt, lock.expiresAt],
    );
  }

  /** Marks the lock used by `movementId`, in the transaction recording the movement; refuses a used, expired or foreign lock. */
  async consume(manager: EntityManager, lockId: string, externalUserId: string, movementId: string): Promise<void> {
    const taken: unknown[] = await manager.query(
      `UPDATE rate_locks SET used_by = $3, used_at = now()
        WHERE lock_id = $1 AND external_user_id = $2 AND used_by IS NULL AND expires_at > now() + make_interval(secs => $4::bigint / 1000.0)
        RETURNING lock_id`,
      [lockId, externalUserId, movementId, this.config.PAYMENTS_RATE_LOCK_MARGIN_MS],
    );
    if ((Array.isArray(taken[0]) ? (taken[0] as unknown[]) : taken).length > 0) return;
    const [lock]: Array<{ used_by: string | null; expires_at: Date }> = await manager.query(
      `SELECT used_by, expires_at FROM rate_locks WHERE lock_id = $1 AND external_user_id = $2`,
      [lockId, externalUserId],
    );
    if (!lock) throw new DomainError('RATE_LOCK_NOT_FOUND', `lockId ${lockId} is not a rate lock of user ${externalUserId}; request one first`, { field: 'lockId' });
    if (lock.used_by !== null) throw new DomainError('RATE_LOCK_USED', `lockId ${lockId} was already used; request a new lock`, { field: 'lockId' });
    throw new DomainError('RATE_LOCK_EXPIRED', `lockId ${lockId} expired at ${lock.expires_at.toISOString()}; request a new lock`, { field: 'lockId' });
  }

  /** P100 never took the exchange: the lock is still good there, so it is good here. */
  async release(manager: EntityManager, lockId: string, movementId: string): Promise<void> {
    await manager.query(`UPDATE rate_locks SET used_by = NULL, used_at = NULL WHERE lock_id = $1 AND used_by = $2`, [lockId, movementId]);
  }
}
