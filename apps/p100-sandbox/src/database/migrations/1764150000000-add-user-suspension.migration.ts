import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Account management (suspend / unsuspend / delete) keeps the onboarding status as it was and
 * records the account's state beside it: a suspended user keeps being ACTIVE for KYC purposes but
 * may not move money or use cards until unsuspended (reference: Account Management).
 */
export class AddUserSuspension1764150000000 implements MigrationInterface {
  name = 'AddUserSuspension1764150000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users ADD COLUMN suspended_at timestamptz, ADD COLUMN deleted_at timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users DROP COLUMN suspended_at, DROP COLUMN deleted_at`);
  }
}
