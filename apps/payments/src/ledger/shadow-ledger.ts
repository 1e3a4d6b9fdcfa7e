import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { LedgerView } from '@platform/contracts';
import { accountOf, type MovementRow } from '../movements/movement';
import { ledgerEntriesOf } from './ledger-entries';

/** A movement's pending entries, archived (kept for audit). `$1`: the movement's id. */
const ARCHIVE_PENDING = `UPDATE ledger_entries SET state = 'archived', updated_at = now() WHERE movement_id = $1 AND state = 'pending'`;

/**
 * What the platform believes P100 holds, per account and currency, from its own movements and
 * the deposits P100 reported (Modern Treasury's posted / pending / available). Entries only
 * change inside the transaction that moves their movement, so ledger and status never disagree.
 */
@Injectable()
export class ShadowLedger {
  constructor(private readonly dataSource: DataSource) {}

  /** A movement under way: its effect as pending entries (once). */
  async hold(manager: EntityManager, movement: MovementRow): Promise<void> {
    await this.insert(manager, movement, 'pending', { unlessEntered: true });
  }

  /** A settled movement: pending entries give way to posted ones with P100's final figures. */
  async post(manager: EntityManager, movement: MovementRow): Promise<void> {
    await this.insert(manager, movement, 'posted', { releasePending: true });
  }

  /** A movement that did not happen: its pending entries are archived (kept for audit). */
  async release(manager: EntityManager, movement: MovementRow): Promise<void> {
    await manager.query(ARCHIVE_PENDING, [movement.id]);
  }

  async balances(externalUserId: string | null): Promise<LedgerView> {
    const rows: Array<{ currency: string; posted: string; pending: string; available: string }> = await this.dataSource.query(
      `SELECT currency,
              trim_scale(COALESCE(sum(amount) FILTER (WHERE state = 'posted'), 0))::text AS posted,
              trim_scale(COALESCE(sum(amount), 0))::text AS pending,
              trim_scale(COALESCE(sum(amount) FILTER (WHERE state = 'posted'), 0) + COALESCE(sum(amount) FILTER (WHERE state = 'pending' AND amount < 0), 0))::text AS available
         FROM ledger_entries WHERE account = $1 AND state <> 'archived' GROUP BY currency ORDER BY currency`,
      [accountOf(externalUserId)],
    );
    return { externalUserId, balances: rows };
  }

  /**
   * All of a movement's entries in one statement, each amount summed in numeric. `unlessEntered`:
   * only when the movement has no entries yet (the movement is row-locked by the caller, so the
   * check and the insert cannot interleave with another writer of it). `releasePending`: its
   * pending entries are archived by the same statement (both see the rows as they were before it,
   * so the new posted entries are not archived).
   */
  private async insert(manager: EntityManager, movement: MovementRow, state: 'pending' | 'posted', { unlessEntered = false, releasePending = false } = {}): Promise<void> {
    const entries = ledgerEntriesOf(movement);
    if (entries.length === 0) {
      if (releasePending) await this.release(manager, movement);
      return;
    }
    const rows = entries.map((_, i) => {
      const at = 3 + i * 4;
      return `($${at}, $${at + 1}, $${at + 2}::numeric * (SELECT sum(a::numeric) FROM unnest($${at + 3}::text[]) AS a))`;
    });
    const release = releasePending ? `WITH released AS (${ARCHIVE_PENDING})` : '';
    await manager.query(
      `${release}
       INSERT INTO ledger_entries (movement_id, account, currency, amount, state)
       SELECT $1, e.account, e.currency, e.amount, $2 FROM (VALUES ${rows.join(', ')}) AS e (account, currency, amount)
       ${unlessEntered ? 'WHERE NOT EXISTS (SELECT 1 FROM ledger_entries WHERE movement_id = $1)' : ''}`,
      [movement.id, state, ...entries.flatMap((e) => [e.account, e.currency, e.sign, e.amounts])],
    );
  }
}
