import { randomUUID } from 'node:crypto';
import { dueIn, msUntilEarliest, query, queryOne, type Sql } from '../database/sql';
import type { KycDecision } from './kyc-decision';

export interface DueVerification {
  id: string;
  user_id: string;
}

export async function scheduleVerification(tx: Sql, userId: string, delayMs: number): Promise<string> {
  const id = randomUUID();
  await query(
    tx,
    `INSERT INTO kyc_verifications (id, user_id, status, due_at)
     VALUES ($1, $2, 'pending', ${dueIn('$3')})`,
    [id, userId, delayMs],
  );
  return id;
}

/** Takes one due verification, locked until the transaction ends (SKIP LOCKED across replicas). */
export async function claimDueVerification(tx: Sql): Promise<DueVerification | undefined> {
  return queryOne<DueVerification>(
    tx,
    `SELECT id, user_id FROM kyc_verifications
      WHERE status = 'pending' AND due_at <= now()
      ORDER BY due_at
      LIMIT 1
      FOR UPDATE SKIP LOCKED`,
  );
}

export async function markVerificationDecided(tx: Sql, id: string, decision: KycDecision): Promise<void> {
  await query(tx, `UPDATE kyc_verifications SET status = 'decided', decision = $2, decided_at = now() WHERE id = $1`, [id, decision]);
}

export function msUntilNextVerification(db: Sql): Promise<number | null> {
  return msUntilEarliest(db, 'kyc_verifications', 'due_at', `status = 'pending'`);
}
