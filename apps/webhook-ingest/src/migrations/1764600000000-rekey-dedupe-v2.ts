import type { MigrationInterface, QueryRunner } from 'typeorm';
import { parseJsonExact, webhookSpecByEvent } from '@platform/contracts';
import { dedupeKey } from '../webhooks/dedupe-key';

const BATCH = 1_000;

/**
 * Dedupe keys v2 (webhooks/dedupe-key.ts): the rows already stored get the key their webhook has
 * now, so that a redelivery arriving after the upgrade is still recognised as one. Keys built
 * from the body hash (no identifying field) are the same in both versions and stay. Runs in
 * batches in the migration's transaction; retention bounds how many rows there are (30 days).
 * `down` cannot rebuild v1 keys (they lost information): it leaves the v2 keys.
 */
export class RekeyDedupeV21764600000000 implements MigrationInterface {
  name = 'RekeyDedupeV21764600000000';

  async up(q: QueryRunner): Promise<void> {
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const rows: Array<{ id: string; event: string; payload: string }> = await q.query(
        `SELECT id, event, payload::text AS payload FROM received_webhooks
          WHERE id > $1 AND dedupe_key NOT LIKE '%:v2:%' AND dedupe_key NOT LIKE '%:sha256:%'
          ORDER BY id LIMIT $2`,
        [after, BATCH],
      );
      for (const row of rows) {
        const spec = webhookSpecByEvent(row.event);
        if (!spec) continue;
        const payload = parseJsonExact(row.payload) as Record<string, unknown>;
        await q.query('UPDATE received_webhooks SET dedupe_key = $2 WHERE id = $1', [row.id, dedupeKey(spec, payload, row.payload)]);
      }
      if (rows.length < BATCH) return;
      after = rows.at(-1)!.id;
    }
  }

  async down(): Promise<void> {
    // v1 keys cannot be rebuilt from v2 ones; they stay v2.
  }
}
