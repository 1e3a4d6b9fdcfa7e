type Query = (sql: string, params?: unknown[]) => Promise<{ rows: any[] }>;

/** Unpublished outbox rows per service schema (every schema that has an `outbox` table). */
export async function unpublishedOutboxRows(query: Query): Promise<Record<string, number>> {
  const schemas = await query(`SELECT table_schema FROM information_schema.tables WHERE table_name = 'outbox' AND table_type = 'BASE TABLE' ORDER BY 1`);
  const counts: Record<string, number> = {};
  for (const { table_schema } of schemas.rows) {
    counts[table_schema] = (await query(`SELECT count(*)::int AS n FROM "${table_schema}".outbox WHERE published_at IS NULL`)).rows[0].n;
  }
  return counts;
}

/**
 * Waits until every outbox is empty of unpublished rows, up to `timeoutMs`; returns the last
 * counts either way, so the caller asserts on them (and a stuck outbox is named in the failure).
 */
export async function waitForOutboxesDrained(query: Query, timeoutMs: number): Promise<{ counts: Record<string, number>; waitedMs: number }> {
  const started = Date.now();
  for (;;) {
    const counts = await unpublishedOutboxRows(query);
    const drained = Object.values(counts).every((n) => n === 0);
    if (drained || Date.now() - started > timeoutMs) return { counts, waitedMs: Date.now() - started };
    await new Promise((r) => setTimeout(r, 500));
  }
}
