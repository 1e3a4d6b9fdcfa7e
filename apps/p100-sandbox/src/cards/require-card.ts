import type { Sql } from '../database/sql';
import { P100Error } from '../errors/p100-error';
import type { UserRow } from '../users/user';
import { requireUser } from '../users/require-user';
import type { CardRow } from './card';
import { findLiveCard } from './cards.repository';

export interface CardAccessOptions {
  lock?: boolean;
  /**
   * Refuse a suspended user (P455). True for everything but block and delete: making a card
   * safer is never refused (inferred).
   */
  notSuspended?: boolean;
  /** Also check the extended level (P461), before the card itself. */
  extended?: boolean;
}

/**
 * The card user check every card operation starts with: P412 unknown or deleted user, P459 not
 * KYC-verified (non-KYC model users never get cards), P455 suspended.
 */
export async function requireCardUser(db: Sql, externalUserId: string, options: CardAccessOptions = {}): Promise<UserRow> {
  const user = await requireUser(db, externalUserId, { lock: options.lock, verified: true, notSuspended: options.notSuspended ?? true });
  if (user.kyc_model === 'non_kyc') throw new P100Error('P459', 'Cards need a KYC-verified user');
  return user;
}

/**
 * P461 where the user must be extended for cards: only users whose create-user answer said
 * `poaRequiredForExtended: true` and who were not extended since (inferred from Get Card Details'
 * P461 and the flag's name).
 */
export function requireExtended(user: UserRow): void {
  if (user.poa_required_for_extended && !user.extended_at) throw new P100Error('P461');
}

/** The user's live card, else P434 (unknown id, another user's card, or a deleted card). */
export async function requireCard(db: Sql, externalUserId: string, cardId: string, options: CardAccessOptions = {}): Promise<{ user: UserRow; card: CardRow }> {
  const user = await requireCardUser(db, externalUserId, options);
  if (options.extended) requireExtended(user);
  const card = await findLiveCard(db, user.id, cardId, options.lock ?? false);
  if (!card) throw new P100Error('P434');
  return { user, card };
}
