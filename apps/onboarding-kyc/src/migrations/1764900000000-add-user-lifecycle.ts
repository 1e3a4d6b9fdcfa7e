import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The rest of onboarding (docs/onboarding.md): the user's model, its proof-of-address sub-state,
 * the hosted KYC session, suspension and deletion beside the status, the count of settled
 * commands that keys their intents, and the history of every change. Existing rows stay valid:
 * they are KYC users, their poa_required flag becomes poa_status REQUIRED / NOT_REQUIRED.
 */
export class AddUserLifecycle1764900000000 implements MigrationInterface {
  name = 'AddUserLifecycle1764900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE users
        ADD COLUMN model               text NOT NULL DEFAULT 'KYC',
        ADD COLUMN poa_status          text NOT NULL DEFAULT 'NOT_REQUIRED',
        ADD COLUMN kyc_verification_id text,
        ADD COLUMN suspended_at        timestamptz,
        ADD COLUMN deleted_at          timestamptz,
        ADD COLUMN command_seq         integer NOT NULL DEFAULT 0`);
    await q.query(`UPDATE users SET poa_status = 'REQUIRED' WHERE poa_required`);
    // poa_status says it all now (REQUIRED and every later POA state imply "required").
    await q.query('ALTER TABLE users DROP COLUMN poa_required');
    await q.query(`
      CREATE TABLE user_status_changes (
        id               bigserial PRIMARY KEY,
        external_user_id text NOT NULL REFERENCES users (external_user_id) ON DELETE CASCADE,
        trigger          text NOT NULL,
        source           text NOT NULL,
        cause            text NOT NULL,
        from_status      text NOT NULL,
        to_status        text NOT NULL,
        from_poa_status  text NOT NULL,
        to_poa_status    text NOT NULL,
        suspended        boolean NOT NULL,
        detail           jsonb NOT NULL DEFAULT '{}',
        at               timestamptz NOT NULL DEFAULT now(),
        -- One cause (a command's intent, a webhook's event id) changes a user once.
        UNIQUE (external_user_id, cause, trigger)
      )`);
    await q.query('CREATE INDEX user_status_changes_by_user ON user_status_changes (external_user_id, id)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE user_status_changes');
    await q.query('ALTER TABLE users ADD COLUMN poa_required boolean NOT NULL DEFAULT false');
    await q.query(`UPDATE users SET poa_required = true WHERE poa_status <> 'NOT_REQUIRED'`);
    await q.query(`
      ALTER TABLE users
        DROP COLUMN model, DROP COLUMN poa_status, DROP COLUMN kyc_verification_id,
        DROP COLUMN suspended_at, DROP COLUMN deleted_at, DROP COLUMN command_seq`);
  }
}
