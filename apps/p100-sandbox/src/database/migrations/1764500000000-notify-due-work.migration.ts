import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The tables the sandbox's workers take their due rows from (see shared/due-row.worker.ts). */
export const DUE_WORK_TABLES = [
  'exchanges',
  'internal_transfers',
  'partner_wallets',
  'kyc_sessions',
  'kyc_verifications',
  'poa_verifications',
  'sepa_transfers',
  'sepa_deposits',
  'crypto_withdrawals',
  'crypto_deposits',
  'orders',
  'payment_links',
  'webhook_deliveries',
] as const;

/**
 * Workers sleep until the next due time and are woken when work is queued, instead of querying
 * their tables four times a second. Every row written to a queue table notifies `sandbox_due_work`
 * with `<schema>.<table>` (Postgres folds the repeats of one transaction into one notification and
 * delivers it at commit), whichever process or replica wrote it. Row triggers, not statement
 * triggers: a worker's claim that updates no row must not wake the workers again.
 */
export class NotifyDueWork1764500000000 implements MigrationInterface {
  name = 'NotifyDueWork1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION notify_due_work() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('sandbox_due_work', TG_TABLE_SCHEMA || '.' || TG_TABLE_NAME);
        RETURN NULL;
      END $$`);
    for (const table of DUE_WORK_TABLES) {
      await q.query(`CREATE TRIGGER ${table}_due_work AFTER INSERT OR UPDATE ON ${table} FOR EACH ROW EXECUTE FUNCTION notify_due_work()`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of DUE_WORK_TABLES) await q.query(`DROP TRIGGER IF EXISTS ${table}_due_work ON ${table}`);
    await q.query(`DROP FUNCTION IF EXISTS notify_due_work()`);
  }
}
