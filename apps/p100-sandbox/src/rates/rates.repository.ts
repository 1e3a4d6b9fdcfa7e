import { randomInt } from 'node:crypto';
import { query, queryOne, type Sql } from '../database/sql';
import { normalize } from '../money/decimal';

export interface RateDrift {
  /** Largest step of the random walk per read, in basis points (0 = fixed rates). */
  stepBps: number;
  /** How far a rate may wander from its base, in basis points. */
  boundBps: number;
}

/** The drift set by the admin API, or the configured one. */
export async function currentDrift(db: Sql, configured: RateDrift): Promise<RateDrift> {
  const row = await queryOne<{ step_bps: number; bound_bps: number }>(db, `SELECT step_bps, bound_bps FROM rate_drift_settings`);
  return row ? { stepBps: row.step_bps, boundBps: row.bound_bps } : configured;
}

export async function saveDrift(db: Sql, drift: RateDrift): Promise<void> {
  await query(
    db,
    `INSERT INTO rate_drift_settings (step_bps, bound_bps) VALUES ($1, $2)
     ON CONFLICT (id) DO UPDATE SET step_bps = EXCLUDED.step_bps, bound_bps = EXCLUDED.bound_bps, updated_at = now()`,
    [drift.stepBps, drift.boundBps],
  );
}

/**
 * One step of the random walk: every rate but EUR (the unit) moves by a random whole number of
 * basis points within ±step, clamped to ±bound around its base. The arithmetic is Postgres
 * numeric; only the integer step is drawn in JS.
 */
export async function driftRates(db: Sql, drift: RateDrift): Promise<void> {
  if (drift.stepBps === 0) return;
  const currencies = (await query<{ currency: string }>(db, `SELECT currency FROM rates WHERE currency <> 'eur' ORDER BY currency`)).map(
    (r) => r.currency,
  );
  const steps = currencies.map(() => randomInt(-drift.stepBps, drift.stepBps + 1));
  await query(
    db,
    `UPDATE rates r
        SET base_rate = COALESCE(r.base_rate, r.rate),
            rate = GREATEST(
                     LEAST(round(r.rate * (10000 + d.step) / 10000, 12), COALESCE(r.base_rate, r.rate) * (10000 + $3::int) / 10000),
                     COALESCE(r.base_rate, r.rate) * (10000 - $3::int) / 10000,
                     0.000000000001),
            updated_at = now()
       FROM unnest($1::text[], $2::int[]) AS d(currency, step)
      WHERE r.currency = d.currency`,
    [currencies, steps, drift.boundBps],
  );
}

/** Currency slug → rate in EUR, as exact decimal strings. */
export async function readRates(db: Sql): Promise<Record<string, string>> {
  const rows = await query<{ currency: string; rate: string }>(db, `SELECT currency, rate::text AS rate FROM rates ORDER BY currency`);
  return Object.fromEntries(rows.map((r) => [r.currency, normalize(r.rate)]));
}

/** Sets rates (and their drift base) from the admin API. */
export async function setRates(db: Sql, rates: Record<string, string>): Promise<void> {
  for (const [currency, rate] of Object.entries(rates)) {
    await query(
      db,
      `INSERT INTO rates (currency, rate, base_rate) VALUES ($1, $2::numeric, $2::numeric)
       ON CONFLICT (currency) DO UPDATE SET rate = EXCLUDED.rate, base_rate = EXCLUDED.base_rate, updated_at = now()`,
      [currency, rate],
    );
  }
}
