import { queryOne, type Sql } from '../database/sql';
import type { UserRow, UserStatus } from './user';

const COLUMNS = `id, external_user_id, email, phone, country, status, verification_attempts, poa_required_for_extended, kyc_model, extended_at, suspended_at, deleted_at, created_at`;

/** `lock` takes the row lock, serialising state changes of one user. */
export async function findUserByExternalId(db: Sql, externalUserId: string, lock = false): Promise<UserRow | undefined> {
  return queryOne<UserRow>(
    db,
    `SELECT ${COLUMNS} FROM users WHERE external_user_id = $1${lock ? ' FOR UPDATE' : ''}`,
    [externalUserId],
  );
}

export async function findUserById(db: Sql, id: string, lock = false): Promise<UserRow | undefined> {
  return queryOne<UserRow>(db, `SELECT ${COLUMNS} FROM users WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id]);
}

/** Which of P100's uniqueness rules a new user would break, in the order P100 reports them. */
export async function findUniquenessConflict(
  db: Sql,
  user: { externalUserId: string; email: string; phone: string },
): Promise<'externalUserId' | 'email' | 'phone' | undefined> {
  const row = await queryOne<{ external_user_id: boolean; email: boolean; phone: boolean }>(
    db,
    `SELECT EXISTS (SELECT 1 FROM users WHERE external_user_id = $1) AS external_user_id,
            EXISTS (SELECT 1 FROM users WHERE lower(email) = lower($2)) AS email,
            EXISTS (SELECT 1 FROM users WHERE phone = $3) AS phone`,
    [user.externalUserId, user.email, user.phone],
  );
  if (row?.external_user_id) return 'externalUserId';
  if (row?.email) return 'email';
  if (row?.phone) return 'phone';
  return undefined;
}

export async function setUserStatus(db: Sql, userId: string, status: UserStatus): Promise<void> {
  await queryOne(db, `UPDATE users SET status = $2, updated_at = now() WHERE id = $1`, [userId, status]);
}

/** Add User Verification accepted: the user waits for the KYC decision. */
export async function markVerificationRequested(db: Sql, userId: string): Promise<void> {
  await queryOne(
    db,
    `UPDATE users SET status = 'KYC_PENDING', verification_attempts = verification_attempts + 1, updated_at = now() WHERE id = $1`,
    [userId],
  );
}
