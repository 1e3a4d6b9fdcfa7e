import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rate locks, exchanges, internal transfers and partner wallets, the rate drift settings, and
 * what Get Balances shows for the partner (balance ids, IBAN, wallets). Exchanges and transfers
 * are rows a worker settles when due, so a restart loses none.
 */
export class CreateMoneyOperations1764210000000 implements MigrationInterface {
  name = 'CreateMoneyOperations1764210000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE partner_balances
                     ADD COLUMN id uuid NOT NULL DEFAULT gen_random_uuid(),
                     ADD COLUMN iban text,
                     ADD COLUMN wallet text`);
    // Drift walks `rate` and stays within bounds around `base_rate` (null: the rate itself).
    await q.query(`ALTER TABLE rates ADD COLUMN base_rate numeric(30, 12)`);
    await q.query(`
      CREATE TABLE rate_drift_settings (
        id boolean PRIMARY KEY DEFAULT true CHECK (id),
        step_bps integer NOT NULL CHECK (step_bps BETWEEN 0 AND 10000),
        bound_bps integer NOT NULL CHECK (bound_bps BETWEEN 0 AND 9999),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`
      CREATE TABLE rate_locks (
        id uuid PRIMARY KEY,
        owner_kind text NOT NULL CHECK (owner_kind IN ('partner', 'user')),
        user_id uuid REFERENCES users (id) ON DELETE CASCADE,
        rates jsonb NOT NULL,
        fee_percentage numeric(6, 4) NOT NULL,
        created_at timestamptz NOT NULL,
        valid_until timestamptz NOT NULL,
        used_at timestamptz
      )`);

    await q.query(`
      CREATE TABLE exchanges (
        id uuid PRIMARY KEY,
        owner_kind text NOT NULL CHECK (owner_kind IN ('partner', 'user')),
        user_id uuid REFERENCES users (id) ON DELETE CASCADE,
        lock_id uuid NOT NULL REFERENCES rate_locks (id),
        currency_from text NOT NULL,
        currency_to text NOT NULL,
        amount numeric(38, 18) NOT NULL CHECK (amount > 0),
        rate numeric(38, 18) NOT NULL,
        fee_percentage numeric(6, 4) NOT NULL,
        fee numeric(38, 18) NOT NULL,
        amount_to numeric(38, 18) NOT NULL,
        status text NOT NULL CHECK (status IN ('PENDING', 'COMPLETED', 'FAILED')),
        error_description text,
        error_status text,
        due_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT exchanges_lock_key UNIQUE (lock_id)
      )`);
    await q.query(`CREATE INDEX exchanges_due ON exchanges (due_at) WHERE status = 'PENDING'`);

    await q.query(`
      CREATE TABLE internal_transfers (
        id uuid PRIMARY KEY,
        kind text NOT NULL CHECK (kind IN ('collection', 'funding', 'master-balance')),
        source_user_id uuid REFERENCES users (id) ON DELETE CASCADE,
        destination_user_id uuid REFERENCES users (id) ON DELETE CASCADE,
        currency text NOT NULL,
        amount numeric(38, 18) NOT NULL CHECK (amount > 0),
        status text NOT NULL CHECK (status IN ('PENDING', 'SUCCESSFUL', 'FAILED')),
        error_description text,
        error_status text,
        due_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX internal_transfers_due ON internal_transfers (due_at) WHERE status = 'PENDING'`);

    await q.query(`
      CREATE TABLE partner_wallets (
        id uuid PRIMARY KEY,
        currency text NOT NULL,
        network text NOT NULL,
        wallet text,
        status text NOT NULL CHECK (status IN ('PENDING', 'CREATED')),
        due_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX partner_wallets_due ON partner_wallets (due_at) WHERE status = 'PENDING'`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['partner_wallets', 'internal_transfers', 'exchanges', 'rate_locks', 'rate_drift_settings']) {
      await q.query(`DROP TABLE IF EXISTS ${table}`);
    }
    await q.query(`ALTER TABLE rates DROP COLUMN base_rate`);
    await q.query(`ALTER TABLE partner_balances DROP COLUMN id, DROP COLUMN iban, DROP COLUMN wallet`);
  }
}
