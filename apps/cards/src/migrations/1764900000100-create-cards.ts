import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Cards as the platform keeps them (docs/cards.md). No column may ever hold a card number, CVV,
 * expiry or PIN: PCI DSS keeps the CVV from being stored after authorisation at all, and every
 * table that held a PAN would bring this schema, its backups and its operators into PAN scope.
 * The last four digits are what a statement shows, outside that scope.
 */
export class CreateCards1764900000100 implements MigrationInterface {
  name = 'CreateCards1764900000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE cards (
        id               uuid PRIMARY KEY,
        -- P100's id; null while CREATING (P100 has not answered yet).
        card_id          text UNIQUE,
        external_user_id text NOT NULL,
        label            text NOT NULL,
        last_four        text CHECK (last_four ~ '^[0-9]{4}$'),
        status           text NOT NULL CHECK (status IN ('CREATING', 'ACTIVE', 'LOCKED_BY_USER', 'BLOCKED', 'SUSPENDED', 'DELETED')),
        -- The six limits as decimal strings, as last read from or written to P100.
        limits           jsonb,
        -- <caller>:<Idempotency-Key> of the create: a repeat finds this row instead of calling P100.
        request_id       text NOT NULL UNIQUE,
        created_at       timestamptz NOT NULL DEFAULT now(),
        updated_at       timestamptz NOT NULL DEFAULT now(),
        CHECK (status = 'CREATING' OR card_id IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX cards_by_user ON cards (external_user_id, created_at)`);
    await q.query(`
      CREATE TABLE card_status_changes (
        id          bigserial PRIMARY KEY,
        card        uuid NOT NULL REFERENCES cards (id) ON DELETE CASCADE,
        -- status: from → to; pin and limits: a change that keeps the status (from = to).
        kind        text NOT NULL DEFAULT 'status' CHECK (kind IN ('status', 'pin', 'limits')),
        from_status text NOT NULL,
        to_status   text NOT NULL,
        -- Who told us: our command's P100 answer, a webhook, the intent reconciler, a refresh from P100's list.
        cause       text NOT NULL CHECK (cause IN ('command', 'webhook', 'reconciler', 'sync')),
        at          timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX card_status_changes_by_card ON card_status_changes (card, id)`);
    // Who saw a card's number and when; never what they saw.
    await q.query(`
      CREATE TABLE card_reveals (
        id               bigserial PRIMARY KEY,
        -- P100's card id as asked for: a refused reveal of an unknown card is audited too.
        card_id          text NOT NULL,
        external_user_id text NOT NULL,
        caller           text NOT NULL,
        outcome          text NOT NULL CHECK (outcome IN ('revealed', 'refused', 'failed')),
        error_code       text,
        at               timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX card_reveals_by_card ON card_reveals (card_id, at)`);
    await q.query(`
      CREATE TABLE card_transactions (
        id               bigserial PRIMARY KEY,
        -- P100's transaction id: a second report of one transaction is a no-op.
        transaction_id   text UNIQUE,
        card_id          text NOT NULL,
        external_user_id text,
        amount           numeric,
        currency         text,
        merchant_name    text,
        status           text NOT NULL,
        decline_reason   text,
        -- When P100 says it happened (its createdAt), else when we heard of it.
        created_at       timestamptz NOT NULL,
        received_at      timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX card_transactions_by_card ON card_transactions (card_id, created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE card_transactions');
    await q.query('DROP TABLE card_reveals');
    await q.query('DROP TABLE card_status_changes');
    await q.query('DROP TABLE cards');
  }
}
