import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Outbox, inbox and P100 intent log of a service, created in the service's schema (the connection's search_path).
 * Every service lists this migration first.
 */
export class CreateMessagingTables1763900000000 implements MigrationInterface {
  name = 'CreateMessagingTables1763900000000';

  async up(q: QueryRunner): Promise<void> {
    // seq gives the publication order; events of one key are published in the order written.
    await q.query(`
      CREATE TABLE outbox (
        seq            bigserial PRIMARY KEY,
        event_id       uuid NOT NULL UNIQUE,
        topic          text NOT NULL,
        message_key    text NOT NULL,
        event_type     text NOT NULL,
        payload        jsonb NOT NULL,
        headers        jsonb NOT NULL DEFAULT '{}'::jsonb,
        correlation_id text,
        occurred_at    timestamptz NOT NULL DEFAULT now(),
        published_at   timestamptz,
        attempts       integer NOT NULL DEFAULT 0,
        last_error     text
      )`);
    await q.query(`CREATE INDEX outbox_unpublished_idx ON outbox (seq) WHERE published_at IS NULL`);
    await q.query(`CREATE INDEX outbox_published_at_idx ON outbox (published_at) WHERE published_at IS NOT NULL`);
    // One row per consumed event: the primary key makes a redelivered event a no-op.
    await q.query(`
      CREATE TABLE inbox (
        event_id     text PRIMARY KEY,
        topic        text NOT NULL,
        event_type   text,
        outcome      text NOT NULL CHECK (outcome IN ('processed', 'dead_lettered')),
        attempts     integer NOT NULL DEFAULT 1,
        last_error   text,
        received_at  timestamptz NOT NULL DEFAULT now()
      )`);
    // Intents of P100 side effects, recorded before the call (see IntentLog).
    await q.query(`
      CREATE TABLE p100_intents (
        idempotency_key text PRIMARY KEY,
        operation       text NOT NULL,
        request_hash    text NOT NULL,
        status          text NOT NULL CHECK (status IN ('pending', 'succeeded', 'rejected', 'not_sent', 'unknown')),
        response        jsonb,
        error_code      text,
        error_message   text,
        attempts        integer NOT NULL DEFAULT 1,
        created_at      timestamptz NOT NULL DEFAULT now(),
        updated_at      timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX p100_intents_open_idx ON p100_intents (updated_at) WHERE status IN ('pending', 'unknown')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE p100_intents');
    await q.query('DROP TABLE inbox');
    await q.query('DROP TABLE outbox');
  }
}
