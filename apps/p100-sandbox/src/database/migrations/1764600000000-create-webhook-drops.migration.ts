import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Webhook drops: "P100 never delivers this webhook", for tests of the platform's reconciliation.
 * A drop makes the next `count` webhooks of one event (optionally of one user) end as `dropped`
 * deliveries that are never attempted.
 */
export class CreateWebhookDrops1764600000000 implements MigrationInterface {
  name = 'CreateWebhookDrops1764600000000';

  async up(q: QueryRunner): Promise<void> {
    // In Postgres like the faults: every replica sees the same drops, `remaining` is consumed
    // exactly once across them (in the enqueuing transaction), and /admin/reset clears them.
    await q.query(`
      CREATE TABLE webhook_drops (
        id bigserial PRIMARY KEY,
        event text NOT NULL,
        external_user_id text,
        count integer NOT NULL CHECK (count > 0),
        remaining integer NOT NULL CHECK (remaining >= 0 AND remaining <= count),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // One drop per event and scope (all users, or one user): PUT replaces it, as for faults.
    await q.query(`CREATE UNIQUE INDEX webhook_drops_scope ON webhook_drops (event, (COALESCE(external_user_id, '')))`);

    await q.query(`ALTER TABLE webhook_deliveries DROP CONSTRAINT webhook_deliveries_status_check`);
    await q.query(`
      ALTER TABLE webhook_deliveries ADD CONSTRAINT webhook_deliveries_status_check
        CHECK (status IN ('pending', 'delivered', 'failed', 'skipped', 'dropped'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    // The old check knows no `dropped`; such a delivery was never sent, which `skipped` also says.
    await q.query(`UPDATE webhook_deliveries SET status = 'skipped' WHERE status = 'dropped'`);
    await q.query(`ALTER TABLE webhook_deliveries DROP CONSTRAINT webhook_deliveries_status_check`);
    await q.query(`
      ALTER TABLE webhook_deliveries ADD CONSTRAINT webhook_deliveries_status_check
        CHECK (status IN ('pending', 'delivered', 'failed', 'skipped'))`);
    await q.query(`DROP TABLE IF EXISTS webhook_drops`);
  }
}
