import { queryOne, type Sql } from '../database/sql';

export type KycSessionStatus = 'CREATED' | 'PENDING' | 'APPROVED' | 'REJECTED';

export interface KycSessionRow {
  id: string;
  user_id: string;
  status: KycSessionStatus;
  created_at: Date;
  decided_at: Date | null;
}

const COLUMNS = 'id, user_id, status, created_at, decided_at';

export function findSession(db: Sql, userId: string, sessionId: string, lock = false): Promise<KycSessionRow | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(sessionId)) return Promise.resolve(undefined);
  return queryOne<KycSessionRow>(db, `SELECT ${COLUMNS} FROM kyc_sessions WHERE id = $1 AND user_id = $2${lock ? ' FOR UPDATE' : ''}`, [sessionId, userId]);
}

export function latestSession(db: Sql, userId: string): Promise<KycSessionRow | undefined> {
  return queryOne<KycSessionRow>(db, `SELECT ${COLUMNS} FROM kyc_sessions WHERE user_id = $1 ORDER BY created_at DESC, id LIMIT 1`, [userId]);
}

export async function sessionCounts(db: Sql, userId: string): Promise<{ total: number; pending: number }> {
  const row = await queryOne<{ total: number; pending: number }>(
    db,
    `SELECT count(*)::int AS total, count(*) FILTER (WHERE status = 'PENDING')::int AS pending FROM kyc_sessions WHERE user_id = $1`,
    [userId],
  );
  return row ?? { total: 0, pending: 0 };
}
