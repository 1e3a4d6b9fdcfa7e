import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The class TypeORM instantiates for a migration. */
export type MigrationClass = new () => MigrationInterface;

/**
 * The `p100_events` table of one service, as a migration class named
 * `CreateP100Events<timestamp>`. Each service keeps its own timestamp: TypeORM recognises an
 * applied migration by that name, so a renamed one would run a second time and fail.
 */
export function createP100EventsMigration(timestamp: number): MigrationClass {
  // TypeORM reads the timestamp from the last 13 characters of the name.
  if (!Number.isSafeInteger(timestamp) || String(timestamp).length !== 13) {
    throw new Error(`a migration timestamp is 13 digits of epoch milliseconds, got ${timestamp}`);
  }
  const name = `CreateP100Events${timestamp}`;

  class CreateP100Events implements MigrationInterface {
    readonly name = name;

    async up(q: QueryRunner): Promise<void> {
      // Every P100 webhook event that reached the service, kept as received (after the
      // service's redaction) until the domain logic for it exists, so that a later release can
      // replay what arrived in the meantime.
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

  // The class name too, for logs and for TypeORM's fallback to `constructor.name`.
  Object.defineProperty(CreateP100Events, 'name', { value: name });
  return CreateP100Events;
}
