import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateP100Events1763900000300 implements MigrationInterface {
  name = 'CreateP100Events1763900000300';

  async up(q: QueryRunner): Promise<void> {
    // Every P100 webhook event that reached payments, kept as received until the domain logic
    // for it exists, so that a later release can replay what arrived in the meantime.
    await q.query(`
      CREATE TABLE p100_events (
        event_id    text PRIMARY KEY,
        event_type  text NOT NULL,
        topic       text NOT NULL,
        message_key text,
        payload     jsonb NOT NULL,
        occurred_at timestamptz,
        received_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE INDEX p100_events_received_at_idx ON p100_events (received_at DESC, event_id DESC)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE p100_events');
  }
}
