import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The partner's orders and payment links (docs/payments.md): a payment page's `url` on the
 * movement, and rate locks for orders besides exchanges. An order lock belongs to the partner (no
 * user, no fee) and carries its quote — the crypto to pay and the EUR to settle — because the
 * order is created from the lock id alone. The CHECK keeps each purpose's columns required.
 */
export class AddOrdersAndPaymentLinks1764800000200 implements MigrationInterface {
  name = 'AddOrdersAndPaymentLinks1764800000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE movements ADD COLUMN url text`);
    await q.query(`
      ALTER TABLE rate_locks
        -- The default carries the existing rows over, and keeps a replica still running the
        -- previous release (exchange locks only, no purpose named) writing during a rolling deploy.
        ADD COLUMN purpose    text NOT NULL DEFAULT 'exchange',
        ADD COLUMN currency   text,
        ADD COLUMN network    text,
        ADD COLUMN amount     numeric,
        ADD COLUMN amount_eur numeric,
        ADD COLUMN rate       numeric,
        ALTER COLUMN external_user_id DROP NOT NULL,
        ALTER COLUMN fee_percentage DROP NOT NULL`);
    await q.query(`
      ALTER TABLE rate_locks ADD CONSTRAINT rate_locks_purpose CHECK (
        (purpose = 'exchange' AND external_user_id IS NOT NULL AND fee_percentage IS NOT NULL)
        OR (purpose = 'order' AND currency IS NOT NULL AND network IS NOT NULL AND amount IS NOT NULL AND amount_eur IS NOT NULL AND rate IS NOT NULL))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM rate_locks WHERE purpose <> 'exchange'`);
    await q.query(`
      ALTER TABLE rate_locks
        DROP CONSTRAINT rate_locks_purpose,
        DROP COLUMN purpose, DROP COLUMN currency, DROP COLUMN network, DROP COLUMN amount, DROP COLUMN amount_eur, DROP COLUMN rate,
        ALTER COLUMN external_user_id SET NOT NULL,
        ALTER COLUMN fee_percentage SET NOT NULL`);
    await q.query(`ALTER TABLE movements DROP COLUMN url`);
  }
}
