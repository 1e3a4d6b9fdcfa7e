import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { LedgerView } from '@platform/contracts';
import { accountOf, type MovementRow } from '../movements/movement';
import { ledgerEntriesOf } from './ledger-entries';

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
    const [{ count }]: Array<{ count: string }> = await manager.query(`SELECT count(*) AS count FROM ledger_entries WHERE movement_id = $1`, [movement.id]);
    if (Number(count) > 0) return;
    await this.insert(manager, movement, 'pending');
  }

  /** A settled movement: pending entries give way to posted ones with P100's final figures. */
  async post(manager: EntityManager, movement: MovementRow): Promise<void> {
    await this.release(manager, movement);
    await this.insert(manager, movement, 'posted');
  }

  /** A movement that did not happen: its pending entries are archived (kept for audit). */
  async release(manager: EntityManager, movement: MovementRow): Promise<void> {
    await manager.query(`UPDATE ledger_entries SET state = 'archived', updated_at = now() WHERE movement_id = $1 AND state = 'pending'`, [movement.id]);
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

  private async insert(manager: EntityManager, movement: MovementRow, state: 'pending' | 'posted'): Promise<void> {
    for (const entry of ledgerEntriesOf(movement)) {
      await manager.query(
        `INSERT INTO ledger_entries (movement_id, account, currency, amount, state)
         SELECT $1, $2, $3, $4 * sum(a::numeric), $5 FROM unnest($6::text[]) AS a`,
        [movement.id, entry.account, entry.currency, entry.sign, state, entry.amounts],
      );
    }
  }
}
