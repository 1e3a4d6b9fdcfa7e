import type { DataSource, EntityManager } from 'typeorm';

/** Anything that runs SQL: the DataSource, or the manager of an open transaction. */
export type Sql = DataSource | EntityManager;

/**
 * Runs a query and returns its rows. TypeORM's Postgres driver answers UPDATE/DELETE with
 * `[rows, rowCount]` and everything else with `rows`; rows are always objects, never arrays,
 * so the pair is told apart safely.
 */
export async function query<T>(db: Sql, text: string, params: unknown[] = []): Promise<T[]> {
  const result: unknown = await db.query(text, params);
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') {
    return result[0] as T[];
  }
  return result as T[];
}

export async function queryOne<T>(db: Sql, text: string, params: unknown[] = []): Promise<T | undefined> {
  return (await query<T>(db, text, params))[0];
}

/** Postgres' unique_violation, with the constraint that was hit. */
export function uniqueViolation(error: unknown): string | undefined {
  const e = error as { code?: string; constraint?: string; driverError?: { code?: string; constraint?: string } };
  const code = e.driverError?.code ?? e.code;
  return code === '23505' ? (e.driverError?.constraint ?? e.constraint ?? '') : undefined;
}

/** SQL for "now + the (already scaled) delay", with the delay as parameter `$n` in milliseconds. */
export const dueIn = (param: string) => `now() + make_interval(secs => ${param}::double precision / 1000)`;

/** Milliseconds (never negative) until the earliest `column` of the rows matching `where`, or null. */
export async function msUntilEarliest(db: Sql, table: string, column: string, where: string): Promise<number | null> {
  const row = await queryOne<{ ms: number | null }>(
    db,
    // GREATEST ignores NULLs: without the CASE an empty queue would read as "due now" (0 ms) and
    // every worker would spin on its table (this was the sandbox's idle CPU).
    `SELECT CASE WHEN min(${column}) IS NULL THEN NULL ELSE GREATEST(0, EXTRACT(EPOCH FROM (min(${column}) - now())) * 1000)::float8 END AS ms
       FROM ${table} WHERE ${where}`,
  );
  return row?.ms ?? null;
}
