import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Money movements (docs/payments.md): one generic table for every kind, its status history, the
 * rate locks we handed out, and the shadow ledger. Amounts are `numeric` (exact), never floats.
 */
export class CreateMovements1764800000000 implements MigrationInterface {
  name = 'CreateMovements1764800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE movements (
        id               uuid PRIMARY KEY,
        kind             text NOT NULL,
        external_user_id text,
        -- <caller>:<Idempotency-Key>; null for deposits, which P100 starts by itself.
        request_id       text UNIQUE,
        request_hash     text,
        status           text NOT NULL,
        amount           numeric NOT NULL,
        currency         text NOT NULL,
        amount_to        numeric,
        currency_to      text,
        fee              numeric,
        fee_currency     text,
        p100_id          text,
        p100_status      text,
        counterparty     text,
        transaction_hash text,
        lock_id          text,
        failure_code     text,
        failure_reason   text,
        created_at       timestamptz NOT NULL DEFAULT now(),
        updated_at       timestamptz NOT NULL DEFAULT now(),
        settled_at       timestamptz,
        -- The reconciliation poller: when to ask P100 next, and how often it has asked.
        next_check_at    timestamptz,
        checks           integer NOT NULL DEFAULT 0,
        UNIQUE (kind, p100_id)
      )`);
    await q.query(`CREATE INDEX movements_open ON movements (next_check_at) WHERE status NOT IN ('COMPLETED', 'FAILED')`);
    await q.query(`CREATE INDEX movements_by_user ON movements (external_user_id, created_at)`);
    await q.query(`
      CREATE TABLE movement_transitions (
        id          bigserial PRIMARY KEY,
        movement_id uuid NOT NULL REFERENCES movements (id) ON DELETE CASCADE,
        from_status text,
        to_status   text NOT NULL,
        -- request, webhook, poll: who told us.
        source      text NOT NULL,
        p100_status text,
        at          timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX movement_transitions_by_movement ON movement_transitions (movement_id, id)`);
    await q.query(`
      CREATE TABLE rate_locks (
        lock_id          text PRIMARY KEY,
        external_user_id text NOT NULL,
        fee_percentage   numeric NOT NULL,
        created_at       timestamptz NOT NULL DEFAULT now(),
        expires_at       timestamptz NOT NULL,
        used_by          uuid,
        used_at          timestamptz
      )`);
    await q.query(`
      CREATE TABLE ledger_entries (
        id          bigserial PRIMARY KEY,
        movement_id uuid NOT NULL REFERENCES movements (id) ON DELETE CASCADE,
        -- user:<externalUserId> or partner
        account     text NOT NULL,
        currency    text NOT NULL,
        -- Signed: credits positive, debits negative.
        amount      numeric NOT NULL,
        -- pending (under way), posted (settled), archived (a pending entry that did not happen).
        state       text NOT NULL,
        created_at  timestamptz NOT NULL DEFAULT now(),
        updated_at  timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX ledger_entries_by_account ON ledger_entries (account, currency) WHERE state <> 'archived'`);
    await q.query(`CREATE INDEX ledger_entries_by_movement ON ledger_entries (movement_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE ledger_entries, rate_locks, movement_transitions, movements');
  }
}
