import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { DomainError, type MovementKind, type MovementStatus } from '@platform/contracts';
import { MOVEMENT_COLUMNS, type MovementRow } from './movement';

export interface NewMovement {
  id: string;
  kind: MovementKind;
  externalUserId: string | null;
  requestId: string | null;
  requestHash: string | null;
  status: MovementStatus;
  amount: string;
  currency: string;
  amountTo?: string | null;
  currencyTo?: string | null;
  counterparty?: string | null;
  lockId?: string | null;
  p100Id?: string | null;
  p100Status?: string | null;
}

/** What identifies a movement whose P100 id we never learnt (its answer was lost): its terms. */
export interface MovementTerms {
  externalUserId?: string | null;
  /** Whose movements may match: only the partner's (externalUserId null) or only users'; absent: anyone's. */
  owner?: 'partner' | 'user';
  amount?: string;
  currency?: string;
  currencyTo?: string;
  counterparty?: string;
  /** An order's lock: one order per lock, so it names the order exactly. */
  lockId?: string;
}

type Db = EntityManager | DataSource;

/** The one shape of a transition row, for the statements that write one beside another change (a CTE) and for recordTransition. */
export const INSERT_TRANSITION = 'INSERT INTO movement_transitions (movement_id, from_status, to_status, source, p100_status)';

@Injectable()
export class MovementsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Inserts once per request id, with its first transition, in one statement (atomic on its own,
   * so a caller without other writes needs no transaction); returns the new row, or null when the
   * request id exists.
   */
  async insert(db: Db, m: NewMovement): Promise<MovementRow | null> {
    const rows: MovementRow[] = await db.query(
      `WITH inserted AS (
         INSERT INTO movements (id, kind, external_user_id, request_id, request_hash, status, amount, currency, currency_to, counterparty, lock_id, p100_id, p100_status, amount_to)
         VALUES ($1, $2, $3, $4, $5, $6, $7::numeric, $8, $9, $10, $11, $12, $13, $14::numeric)
         ON CONFLICT DO NOTHING RETURNING *
       ), transition AS (
         ${INSERT_TRANSITION} SELECT id, NULL, status, $15, p100_status FROM inserted
       )
       SELECT ${MOVEMENT_COLUMNS} FROM inserted`,
      [m.id, m.kind, m.externalUserId, m.requestId, m.requestHash, m.status, m.amount, m.currency, m.currencyTo ?? null, m.counterparty ?? null, m.lockId ?? null, m.p100Id ?? null, m.p100Status ?? null, m.amountTo ?? null, m.requestId ? 'request' : 'webhook'],
    );
    return rows[0] ?? null;
  }

  async findByRequestId(requestId: string, db: Db = this.dataSource): Promise<MovementRow | undefined> {
    const rows: MovementRow[] = await db.query(`SELECT ${MOVEMENT_COLUMNS} FROM movements WHERE request_id = $1`, [requestId]);
    return rows[0];
  }

  /**
   * A movement of one owner: a user's, or the partner's own (null). Another owner's id answers as
   * not found (ids are not secrets, ownership is); a user's movement is not the partner's either.
   */
  async getForOwner(externalUserId: string | null, id: string): Promise<MovementRow> {
    const rows: MovementRow[] = await this.dataSource.query(`SELECT ${MOVEMENT_COLUMNS} FROM movements WHERE id = $1 AND external_user_id IS NOT DISTINCT FROM $2`, [id, externalUserId]);
    if (!rows[0]) throw new DomainError('MOVEMENT_NOT_FOUND', `${externalUserId === null ? 'the partner' : `user ${externalUserId}`} has no movement ${id}`);
    return rows[0];
  }

  /** Row-locks a movement for a change inside the caller's transaction. */
  async lock(manager: EntityManager, id: string): Promise<MovementRow | undefined> {
    const rows: MovementRow[] = await manager.query(`SELECT ${MOVEMENT_COLUMNS} FROM movements WHERE id = $1 FOR UPDATE`, [id]);
    return rows[0];
  }

  async lockByP100Id(manager: EntityManager, kinds: readonly MovementKind[], p100Id: string): Promise<MovementRow | undefined> {
    const rows: MovementRow[] = await manager.query(`SELECT ${MOVEMENT_COLUMNS} FROM movements WHERE kind = ANY($1) AND p100_id = $2 FOR UPDATE`, [kinds, p100Id]);
    return rows[0];
  }

  /**
   * The oldest movement of these kinds still waiting to learn its P100 id whose terms match: a
   * webhook for a request whose answer we lost. Locked, so two webhooks never claim one movement.
   */
  async claimUnanswered(manager: EntityManager, kinds: readonly MovementKind[], terms: MovementTerms): Promise<MovementRow | undefined> {
    const rows: MovementRow[] = await manager.query(
      `SELECT ${MOVEMENT_COLUMNS} FROM movements
        WHERE kind = ANY($1) AND p100_id IS NULL AND status IN ('REQUESTED', 'UNKNOWN')
          AND ($2::text IS NULL OR external_user_id = $2) AND ($3::numeric IS NULL OR amount = $3::numeric)
          AND ($4::text IS NULL OR currency = $4) AND ($5::text IS NULL OR currency_to = $5) AND ($6::text IS NULL OR counterparty = $6)
          AND ($7::text IS NULL OR lock_id = $7)
          AND ($8::text IS NULL OR ($8 = 'partner') = (external_user_id IS NULL))
        ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED`,
      [kinds, terms.externalUserId ?? null, terms.amount ?? null, terms.currency ?? null, terms.currencyTo ?? null, terms.counterparty ?? null, terms.lockId ?? null, terms.owner ?? null],
    );
    return rows[0];
  }

  async recordTransition(manager: EntityManager, movementId: string, from: MovementStatus | null, to: MovementStatus, source: string, p100Status: string | null): Promise<void> {
    await manager.query(`${INSERT_TRANSITION} VALUES ($1, $2, $3, $4, $5)`, [movementId, from, to, source, p100Status]);
  }

  /** Removes a movement P100 provably never received, so a retry of the request starts afresh. */
  async forget(manager: EntityManager, id: string): Promise<void> {
    await manager.query(`DELETE FROM movements WHERE id = $1 AND p100_id IS NULL`, [id]);
  }

  /** Open movements due for a look by the poller (oldest first). */
  async dueForCheck(limit: number): Promise<MovementRow[]> {
    return this.dataSource.query(
      `SELECT ${MOVEMENT_COLUMNS} FROM movements WHERE status NOT IN ('COMPLETED', 'FAILED') AND next_check_at <= now() ORDER BY next_check_at LIMIT $1`,
      [limit],
    );
  }

  async scheduleCheck(db: Db, id: string, delayMs: number | null, countCheck: boolean): Promise<void> {
    await db.query(
      `UPDATE movements SET next_check_at = CASE WHEN $2::bigint IS NULL THEN NULL ELSE now() + make_interval(secs => $2::bigint / 1000.0) END,
              checks = checks + $3 WHERE id = $1`,
      [id, delayMs, countCheck ? 1 : 0],
    );
  }

  /** Open movements by kind and whether they are older than `maxAgeMs` (the poller's alert gauge). */
  async openCounts(maxAgeMs: number): Promise<Array<{ kind: string; overdue: boolean; count: number }>> {
    const rows: Array<{ kind: string; overdue: boolean; count: string }> = await this.dataSource.query(
      `SELECT kind, created_at < now() - make_interval(secs => $1::bigint / 1000.0) AS overdue, count(*) AS count
         FROM movements WHERE status NOT IN ('COMPLETED', 'FAILED') GROUP BY 1, 2`,
      [maxAgeMs],
    );
    return rows.map((r) => ({ kind: r.kind, overdue: r.overdue, count: Number(r.count) }));
  }
}
