import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Users beyond onboarding (non-KYC model, extension), KYC Method B sessions, proof of address,
 * virtual cards with their transactions, and the fault-injection settings.
 */
export class CreateUsersKycCardsFaults1764400000000 implements MigrationInterface {
  name = 'CreateUsersKycCardsFaults1764400000000';

  async up(q: QueryRunner): Promise<void> {
    // Non-KYC users (legacy model) are created without phone, split address or citizenship data
    // (their example body has neither; birth date and city are optional there (inferred)).
    await q.query(`
      ALTER TABLE users
        ALTER COLUMN phone DROP NOT NULL,
        ALTER COLUMN street DROP NOT NULL,
        ALTER COLUMN number DROP NOT NULL,
        ALTER COLUMN post_code DROP NOT NULL,
        ALTER COLUMN city DROP NOT NULL,
        ALTER COLUMN birth_date DROP NOT NULL,
        ALTER COLUMN citizenship DROP NOT NULL,
        ALTER COLUMN nationality DROP NOT NULL,
        ALTER COLUMN birth_country DROP NOT NULL,
        ADD COLUMN kyc_model text NOT NULL DEFAULT 'kyc' CHECK (kyc_model IN ('kyc', 'non_kyc')),
        ADD COLUMN extended_at timestamptz`);

    // Method B: one row per hosted verification session; decided after the user opened it.
    await q.query(`
      CREATE TABLE kyc_sessions (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        document_type text NOT NULL,
        country char(2) NOT NULL,
        income_source text NOT NULL,
        open_account_reason text NOT NULL,
        status text NOT NULL CHECK (status IN ('CREATED', 'PENDING', 'APPROVED', 'REJECTED')),
        due_at timestamptz,
        decided_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX kyc_sessions_user ON kyc_sessions (user_id, created_at)`);
    await q.query(`CREATE INDEX kyc_sessions_due ON kyc_sessions (due_at) WHERE status = 'PENDING'`);

    // Proof of address: one review per upload; the files' metadata only, never their bytes.
    // PENDING is P100's WAITING (queued for review), named so the shared due-row worker claims it.
    await q.query(`
      CREATE TABLE poa_verifications (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        status text NOT NULL CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED', 'QUESTIONED')),
        files jsonb NOT NULL,
        due_at timestamptz NOT NULL,
        decided_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX poa_verifications_user ON poa_verifications (user_id, created_at)`);
    await q.query(`CREATE INDEX poa_verifications_due ON poa_verifications (due_at) WHERE status = 'PENDING'`);

    // No PAN, CVV or PIN in clear: the last four digits and a salted hash of the PIN.
    await q.query(`
      CREATE TABLE cards (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        label text NOT NULL,
        status text NOT NULL CHECK (status IN ('ACTIVE', 'LOCKED_BY_USER', 'BLOCKED', 'SUSPENDED', 'DELETED')),
        last4 char(4) NOT NULL,
        exp char(5) NOT NULL,
        pin_hash text NOT NULL,
        daily_trx_all numeric(20, 2) NOT NULL,
        monthly_trx_all numeric(20, 2) NOT NULL,
        daily_trx_atm numeric(20, 2) NOT NULL,
        monthly_trx_atm numeric(20, 2) NOT NULL,
        daily_trx_ecom numeric(20, 2) NOT NULL,
        monthly_trx_ecom numeric(20, 2) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX cards_user ON cards (user_id, created_at)`);

    await q.query(`
      CREATE TABLE card_transactions (
        id uuid PRIMARY KEY,
        card_id uuid NOT NULL REFERENCES cards (id) ON DELETE CASCADE,
        channel text NOT NULL CHECK (channel IN ('POS', 'ATM', 'ECOM')),
        amount numeric(20, 2) NOT NULL CHECK (amount > 0),
        currency text NOT NULL,
        merchant_name text NOT NULL,
        status text NOT NULL CHECK (status IN ('APPROVED', 'DECLINED')),
        decline_reason text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX card_transactions_card ON card_transactions (card_id, created_at) WHERE status = 'APPROVED'`);

    // Kept in Postgres so every replica sees the same faults, a count is consumed exactly once
    // across them, and /admin/reset clears them with the rest of the state.
    await q.query(`
      CREATE TABLE faults (
        endpoint_group text PRIMARY KEY,
        config jsonb NOT NULL,
        remaining integer CHECK (remaining IS NULL OR remaining >= 0),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['faults', 'card_transactions', 'cards', 'poa_verifications', 'kyc_sessions']) {
      await q.query(`DROP TABLE IF EXISTS ${table}`);
    }
    await q.query(`ALTER TABLE users DROP COLUMN kyc_model, DROP COLUMN extended_at`);
  }
}
