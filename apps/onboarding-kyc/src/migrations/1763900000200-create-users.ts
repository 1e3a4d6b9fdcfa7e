import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateUsers1763900000200 implements MigrationInterface {
  name = 'CreateUsers1763900000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE users (
        external_user_id text PRIMARY KEY,
        p100_user_id     text,
        status           text NOT NULL,
        poa_required     boolean NOT NULL DEFAULT false,
        kyc_file_status  text,
        country          text NOT NULL,
        created_at       timestamptz NOT NULL DEFAULT now(),
        updated_at       timestamptz NOT NULL DEFAULT now(),
        activated_at     timestamptz
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE users');
  }
}
