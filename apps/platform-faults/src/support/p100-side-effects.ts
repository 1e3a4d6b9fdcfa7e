import type { Client } from 'pg';

export interface P100Record {
  kind: string;
  id: string;
  amount: string;
}

export interface OurMovement {
  id: string;
  kind: string;
  status: string;
  p100_id: string | null;
  amount: string;
  request_id: string | null;
}

/** Kinds the platform starts at P100, and so can duplicate (deposits are P100's own). */
export const STARTED_KINDS = ['exchange', 'transfer-to-partner', 'transfer-from-partner', 'sepa-transfer', 'crypto-withdrawal'];

/**
 * Every money movement P100 (the sandbox) holds since `since` (the database's clock: both sides
 * are stamped by the same server), read from its own tables: what it would move whatever our side
 * believes. Earlier scenarios of the run share these tables, hence the bound. Internal transfers
 * are named by direction as ours are.
 */
export async function p100MoneyRecords(db: Client, since: Date, schema = 'p100_sandbox'): Promise<P100Record[]> {
  const { rows } = await db.query(
    `SELECT 'exchange' AS kind, id::text, trim_scale(amount)::text AS amount FROM ${schema}.exchanges WHERE created_at >= $1
     UNION ALL SELECT CASE kind WHEN 'collection' THEN 'transfer-to-partner' WHEN 'funding' THEN 'transfer-from-partner' ELSE kind END, id::text, trim_scale(amount)::text FROM ${schema}.internal_transfers WHERE created_at >= $1
     UNION ALL SELECT 'sepa-transfer', id::text, trim_scale(amount)::text FROM ${schema}.sepa_transfers WHERE created_at >= $1
     UNION ALL SELECT 'crypto-withdrawal', id::text, trim_scale(amount)::text FROM ${schema}.crypto_withdrawals WHERE created_at >= $1`,
    [since],
  );
  return rows;
}

/** Our movements of the kinds the platform starts at P100, created since `since`. */
export async function ourMovements(db: Client, since: Date): Promise<OurMovement[]> {
  const { rows } = await db.query(
    `SELECT id::text, kind, status, p100_id, trim_scale(amount)::text AS amount, request_id FROM payments.movements WHERE kind = ANY($1) AND created_at >= $2`,
    [STARTED_KINDS, since],
  );
  return rows;
}

/** Now, by the database's clock (what created_at columns are stamped with). */
export async function databaseNow(db: Client): Promise<Date> {
  return (await db.query('SELECT now() AS now')).rows[0].now;
}

/**
 * Our movements against P100's records, with every command's amount unique: each P100 record
 * is one command (no two records of a kind share an amount), is held by exactly one movement
 * (by P100's id), and each movement has at most one record: the one of its id, of its kind and
 * amount, or, with no P100 id, none of its terms. Each list is empty when nothing was duplicated
 * or lost.
 */
export function matchSideEffects(records: P100Record[], movements: OurMovement[]) {
  const termsOf = (r: { kind: string; amount: string }) => `${r.kind} ${r.amount}`;
  const byTerms = new Map<string, P100Record[]>();
  for (const r of records) byTerms.set(termsOf(r), [...(byTerms.get(termsOf(r)) ?? []), r]);
  const byP100Id = new Map<string, OurMovement[]>();
  for (const m of movements) if (m.p100_id) byP100Id.set(m.p100_id, [...(byP100Id.get(m.p100_id) ?? []), m]);
  const recordIds = new Map(records.map((r) => [r.id, r]));
  return {
    /** A command P100 executed more than once. */
    duplicatedAtP100: [...byTerms.entries()].filter(([, rs]) => rs.length > 1).map(([terms, rs]) => `${terms}: ${rs.length} records`),
    /** Money P100 moved that no movement of ours holds, or that two hold. */
    recordsNotHeldOnce: records.filter((r) => (byP100Id.get(r.id)?.length ?? 0) !== 1).map((r) => `${termsOf(r)} ${r.id}: held by ${byP100Id.get(r.id)?.length ?? 0}`),
    /** A movement whose P100 id P100 does not have, or has for other terms. */
    movementsWithoutTheirRecord: movements
      .filter((m) => m.p100_id && termsOf(recordIds.get(m.p100_id) ?? { kind: '?', amount: '?' }) !== termsOf(m))
      .map((m) => `${m.id} ${termsOf(m)} p100 ${m.p100_id}`),
    /** A movement with no P100 id that P100 nevertheless executed (its terms are there). */
    unheldButExecuted: movements.filter((m) => !m.p100_id && byTerms.has(termsOf(m))).map((m) => `${m.id} ${termsOf(m)} ${m.status}`),
  };
}

/** Movements not COMPLETED or FAILED yet, each with its history (for a failure that says which and why). */
export async function openMovements(db: Client, since: Date): Promise<string[]> {
  const { rows } = await db.query(
    `SELECT m.kind, trim_scale(m.amount)::text AS amount, m.status, m.p100_id,
            string_agg(t.to_status || '/' || t.source, ' > ' ORDER BY t.id) AS history
       FROM payments.movements m LEFT JOIN payments.movement_transitions t ON t.movement_id = m.id
      WHERE m.kind = ANY($1) AND m.status NOT IN ('COMPLETED', 'FAILED') AND m.created_at >= $2
      GROUP BY m.id ORDER BY m.created_at`,
    [STARTED_KINDS, since],
  );
  return rows.map((r) => `${r.kind} ${r.amount} ${r.status} p100 ${r.p100_id ?? '-'}: ${r.history}`);
}
