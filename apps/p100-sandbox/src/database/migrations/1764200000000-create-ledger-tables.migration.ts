import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The money core: the partner's balances (users' live in `balances`) and the journal, one row per
 * movement with what caused it, from which transaction histories are built.
 */
export class CreateLedgerTables1764200000000 implements MigrationInterface {
  name = 'CreateLedgerTables1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE partner_balances (
        currency text PRIMARY KEY,
        amount numeric(38, 18) NOT NULL DEFAULT 0 CHECK (amount >= 0),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE ledger_journal (
        id bigserial PRIMARY KEY,
        owner_kind text NOT NULL CHECK (owner_kind IN ('partner', 'user')),
        user_id uuid REFERENCES users (id) ON DELETE CASCADE,
        currency text NOT NULL,
        direction text NOT NULL CHECK (direction IN ('credit', 'debit')),
        amount numeric(38, 18) NOT NULL CHECK (amount > 0),
        balance_after numeric(38, 18) NOT NULL,
        reference_type text NOT NULL,
        reference_id text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((owner_kind = 'user') = (user_id IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX ledger_journal_user ON ledger_journal (user_id, created_at) WHERE user_id IS NOT NULL`);
    await q.query(`CREATE INDEX ledger_journal_partner ON ledger_journal (created_at) WHERE owner_kind = 'partner'`);
    await q.query(`CREATE INDEX ledger_journal_reference ON ledger_journal (reference_type, reference_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS ledger_journal`);
    await q.query(`DROP TABLE IF EXISTS partner_balances`);
  }
}
