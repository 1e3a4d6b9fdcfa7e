import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { UserEntity } from './user.entity';
import type { TransitionCause, UserState, UserTrigger } from './user-lifecycle';

/** What a change carried besides the states: never identity or contact values, only names and ids. */
export interface TransitionDetail {
  verificationId?: string;
  kycFileStatus?: string;
  changedFields?: string[];
  p100Status?: string;
}

export interface TransitionRecord {
  user: UserEntity;
  trigger: UserTrigger;
  cause: TransitionCause;
  before: UserState;
  detail: TransitionDetail;
  at: Date;
}

/** `user_status_changes`: one row per change of a user, with what caused it. */
@Injectable()
export class UserHistoryRepository {
  constructor(private readonly dataSource: DataSource) {}

  async record(manager: EntityManager, { user, trigger, cause, before, detail, at }: TransitionRecord): Promise<void> {
    await manager.query(
      `INSERT INTO user_status_changes
         (external_user_id, trigger, source, cause, from_status, to_status, from_poa_status, to_poa_status, suspended, detail, at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [user.externalUserId, trigger, cause.source, cause.id, before.status, user.status, before.poaStatus, user.poaStatus, user.suspendedAt !== null, JSON.stringify(detail), at],
    );
  }

  /** Has this cause changed the user already (a reprocessed webhook, a replayed command)? */
  async has(manager: EntityManager, externalUserId: string, cause: string, trigger: UserTrigger): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      'SELECT 1 FROM user_status_changes WHERE external_user_id = $1 AND cause = $2 AND trigger = $3',
      [externalUserId, cause, trigger],
    );
    return rows.length > 0;
  }

  /** The cause of the user's latest change, whoever made it. */
  async latestCause(externalUserId: string): Promise<string | null> {
    const [row]: Array<{ cause: string }> = await this.dataSource.query(
      'SELECT cause FROM user_status_changes WHERE external_user_id = $1 ORDER BY id DESC LIMIT 1',
      [externalUserId],
    );
    return row?.cause ?? null;
  }

  /** Was `verificationId` one of the user's hosted KYC sessions (an older one than the stored)? */
  async wasKycSession(manager: EntityManager, externalUserId: string, verificationId: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `SELECT 1 FROM user_status_changes WHERE external_user_id = $1 AND trigger = 'kycSessionStarted' AND detail->>'verificationId' = $2`,
      [externalUserId, verificationId],
    );
    return rows.length > 0;
  }
}
