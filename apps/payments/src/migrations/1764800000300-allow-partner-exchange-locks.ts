import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The partner's own exchanges (docs/payments.md): an exchange lock may be the partner's
 * (external_user_id NULL), as an order lock always is. The CHECK still requires an exchange
 * lock's fee and an order lock's quote.
 */
export class AllowPartnerExchangeLocks1764800000300 implements MigrationInterface {
  name = 'AllowPartnerExchangeLocks1764800000300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE rate_locks
        DROP CONSTRAINT rate_locks_purpose,
        ADD CONSTRAINT rate_locks_purpose CHECK (
          (purpose = 'exchange' AND fee_percentage IS NOT NULL)
          OR (purpose = 'order' AND currency IS NOT NULL AND network IS NOT NULL AND amount IS NOT NULL AND amount_eur IS NOT NULL AND rate IS NOT NULL))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM rate_locks WHERE purpose = 'exchange' AND external_user_id IS NULL`);
    await q.query(`
      ALTER TABLE rate_locks
        DROP CONSTRAINT rate_locks_purpose,
        ADD CONSTRAINT rate_locks_purpose CHECK (
          (purpose = 'exchange' AND external_user_id IS NOT NULL AND fee_percentage IS NOT NULL)
          OR (purpose = 'order' AND currency IS NOT NULL AND network IS NOT NULL AND amount IS NOT NULL AND amount_eur IS NOT NULL AND rate IS NOT NULL))`);
  }
}
