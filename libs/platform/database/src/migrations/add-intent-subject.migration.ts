import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What an intent is about (e.g. `{"externalUserId": "..."}`), so that the reconciler can ask P100
 * for its outcome without parsing idempotency keys. Filled by IntentLog.execute from `subject`.
 */
export class AddIntentSubject1764700000000 implements MigrationInterface {
  name = 'AddIntentSubject1764700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE p100_intents ADD COLUMN subject jsonb');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE p100_intents DROP COLUMN subject');
  }
}
