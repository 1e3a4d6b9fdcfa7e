import { P100Error } from '../errors/p100-error';
import type { Sql } from '../database/sql';
import type { UserRow } from './user';
import { findUserByExternalId } from './users.repository';

export interface RequireUserOptions {
  /** Take the row lock: serialises state changes and money movements of one user. */
  lock?: boolean;
  /** The operation needs a verified user (KYC approved): P459 otherwise. */
  verified?: boolean;
  /**
   * The operation moves money or uses a card, which suspension blocks: P455 (inferred code,
   * from client code) when the user is suspended.
   */
  notSuspended?: boolean;
}

/**
 * The one lookup every user operation starts with, so all of them answer a missing, deleted,
 * unverified or suspended user the same way: P412, P412, P459, P455, checked in that order.
 */
export async function requireUser(db: Sql, externalUserId: string, options: RequireUserOptions = {}): Promise<UserRow> {
  const user = await findUserByExternalId(db, externalUserId, options.lock ?? false);
  if (!user || user.deleted_at) throw new P100Error('P412');
  if (options.verified && user.status !== 'ACTIVE') throw new P100Error('P459');
  if (options.notSuspended && user.suspended_at) throw new P100Error('P455');
  return user;
}
