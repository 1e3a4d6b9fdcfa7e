import { query, queryOne, type Sql } from '../database/sql';
import type { FaultSettings } from './fault-settings';

export interface FaultRow {
  endpoint_group: string;
  config: FaultSettings;
  remaining: number | null;
  updated_at: Date;
}

export async function putFault(db: Sql, group: string, settings: FaultSettings): Promise<FaultRow> {
  const row = await queryOne<FaultRow>(
    db,
    `INSERT INTO faults (endpoint_group, config, remaining) VALUES ($1, $2::jsonb, $3)
     ON CONFLICT (endpoint_group) DO UPDATE SET config = EXCLUDED.config, remaining = EXCLUDED.remaining, updated_at = now()
     RETURNING endpoint_group, config, remaining, updated_at`,
    [group, JSON.stringify(settings), settings.count ?? null],
  );
  return row!;
}

export function listFaults(db: Sql): Promise<FaultRow[]> {
  return query<FaultRow>(db, `SELECT endpoint_group, config, remaining, updated_at FROM faults ORDER BY endpoint_group`);
}

export async function clearFaults(db: Sql): Promise<void> {
  await query(db, `DELETE FROM faults`);
}

/**
 * The group's fault for one request, consuming one of its `count` in the same statement, so
 * `count: n` affects exactly n requests even with concurrent requests or several replicas.
 */
export async function takeFault(db: Sql, group: string): Promise<FaultSettings | undefined> {
  const row = await queryOne<{ config: FaultSettings }>(
    db,
    `UPDATE faults SET remaining = remaining - 1
      WHERE endpoint_group = $1 AND (remaining IS NULL OR remaining > 0)
      RETURNING config`,
    [group],
  );
  return row?.config;
}
