import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { DriftView } from '@platform/contracts';
import { PARTNER_ACCOUNT } from '../movements/movement';

interface DriftRow {
  id: string;
  account: string;
  currency: string;
  ledger_posted: string;
  p100_amount: string;
  difference: string;
  detected_at: Date;
  resolved_at: Date | null;
}

/** A difference found in one account and currency (numeric text, exact). */
export interface FoundDifference {
  currency: string;
  ledgerPosted: string;
  p100Amount: string;
  difference: string;
}

const COLUMNS = `id, account, currency, trim_scale(ledger_posted)::text AS ledger_posted, trim_scale(p100_amount)::text AS p100_amount,
  trim_scale(difference)::text AS difference, detected_at, resolved_at`;

@Injectable()
export class DriftsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Brings an account's open drifts in line with what a run found: differences gone are resolved,
   * a changed difference replaces its drift, a new one is opened. Returns the drifts opened now.
   */
  async record(manager: EntityManager, account: string, found: FoundDifference[]): Promise<DriftView[]> {
    const open: DriftRow[] = await manager.query(`SELECT ${COLUMNS} FROM reconciliation_drifts WHERE account = $1 AND resolved_at IS NULL FOR UPDATE`, [account]);
    const opened: DriftView[] = [];
    for (const drift of open) {
      const still = found.find((f) => f.currency === drift.currency);
      const same = still !== undefined && still.difference === drift.difference && still.p100Amount === drift.p100_amount;
      if (!same) await manager.query(`UPDATE reconciliation_drifts SET resolved_at = now() WHERE id = $1`, [drift.id]);
    }
    for (const f of found) {
      const known = open.find((d) => d.currency === f.currency && d.difference === f.difference && d.p100_amount === f.p100Amount);
      if (known) continue;
      const [row]: DriftRow[] = await manager.query(
        `INSERT INTO reconciliation_drifts (id, account, currency, ledger_posted, p100_amount, difference) VALUES ($1, $2, $3, $4::numeric, $5::numeric, $6::numeric) RETURNING ${COLUMNS}`,
        [randomUUID(), account, f.currency, f.ledgerPosted, f.p100Amount, f.difference],
      );
      opened.push(toDriftView(row!));
    }
    return opened;
  }

  async list(includeResolved: boolean, limit: number): Promise<DriftView[]> {
    const rows: DriftRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM reconciliation_drifts WHERE $1 OR resolved_at IS NULL ORDER BY detected_at DESC LIMIT $2`,
      [includeResolved, limit],
    );
    return rows.map(toDriftView);
  }

  async openCount(): Promise<Array<{ currency: string; count: number }>> {
    const rows: Array<{ currency: string; count: string }> = await this.dataSource.query(`SELECT currency, count(*) AS count FROM reconciliation_drifts WHERE resolved_at IS NULL GROUP BY currency`);
    return rows.map((r) => ({ currency: r.currency, count: Number(r.count) }));
  }
}

export function toDriftView(row: DriftRow): DriftView {
  return {
    driftId: row.id,
    externalUserId: row.account === PARTNER_ACCOUNT ? null : row.account.replace(/^user:/, ''),
    currency: row.currency,
    ledgerPosted: row.ledger_posted,
    p100Amount: row.p100_amount,
    difference: row.difference,
    detectedAt: row.detected_at.toISOString(),
    resolvedAt: row.resolved_at?.toISOString() ?? null,
  };
}
