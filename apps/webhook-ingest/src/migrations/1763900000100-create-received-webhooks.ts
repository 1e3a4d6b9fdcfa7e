import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateReceivedWebhooks1763900000100 implements MigrationInterface {
  name = 'CreateReceivedWebhooks1763900000100';

  async up(q: QueryRunner): Promise<void> {
    // The unique dedupe key turns a redelivered webhook into a no-op (see dedupe-key.ts).
    await q.query(`
      CREATE TABLE received_webhooks (
        id             uuid PRIMARY KEY,
        event          text NOT NULL,
        dedupe_key     text NOT NULL UNIQUE,
        message_key    text NOT NULL,
        payload        jsonb NOT NULL,
        correlation_id text,
        received_at    timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE INDEX received_webhooks_event_time_idx ON received_webhooks (event, received_at)');
    // Authenticated events we cannot route: kept for a human, never dropped.
    await q.query(`
      CREATE TABLE quarantined_webhooks (
        id          uuid PRIMARY KEY,
        path        text NOT NULL,
        body        text NOT NULL,
        reason      text NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE quarantined_webhooks');
    await q.query('DROP TABLE received_webhooks');
  }
}
