import type { MigrationInterface, QueryRunner } from 'typeorm';
import { DEFAULT_RATES } from '../../ledger/default-rates';

/**
 * The sandbox's state: users and their KYC trail, balances and rates, and the webhook
 * deliveries with every attempt. Unqualified names land in the sandbox schema (search_path).
 */
export class CreateSandboxTables1764100000000 implements MigrationInterface {
  name = 'CreateSandboxTables1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY,
        external_user_id text NOT NULL,
        email text NOT NULL,
        phone text NOT NULL,
        first_name text NOT NULL,
        last_name text NOT NULL,
        street text NOT NULL,
        number text NOT NULL,
        city text NOT NULL,
        post_code text NOT NULL,
        country char(2) NOT NULL,
        citizenship char(2) NOT NULL,
        nationality char(2) NOT NULL,
        birth_country char(2) NOT NULL,
        birth_date date NOT NULL,
        user_identification_number text,
        poa_required_for_extended boolean NOT NULL,
        status text NOT NULL CHECK (status IN ('WAITING_FOR_KYC', 'KYC_PENDING', 'ACTIVE', 'REJECTED', 'POA_REQUIRED')),
        verification_attempts integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT users_external_user_id_key UNIQUE (external_user_id)
      )`);
    // P100 rejects a second user with the same email (P465) or phone (P464).
    await q.query(`CREATE UNIQUE INDEX users_email_key ON users (lower(email))`);
    await q.query(`CREATE UNIQUE INDEX users_phone_key ON users (phone)`);

    // Metadata only: the sandbox never keeps the bytes of identity documents.
    await q.query(`
      CREATE TABLE kyc_files (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        field_name text NOT NULL,
        file_name text NOT NULL,
        mime_type text NOT NULL,
        size_bytes integer NOT NULL,
        sha256 char(64) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX kyc_files_user ON kyc_files (user_id)`);

    // Set by the admin API, possibly before the user exists, hence no foreign key.
    await q.query(`
      CREATE TABLE kyc_decision_overrides (
        external_user_id text PRIMARY KEY,
        decision text NOT NULL CHECK (decision IN ('approve', 'reject', 'poa_required')),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);

    // One row per Add User Verification; a poller decides the due ones, so a restart loses none.
    await q.query(`
      CREATE TABLE kyc_verifications (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        status text NOT NULL CHECK (status IN ('pending', 'decided')),
        due_at timestamptz NOT NULL,
        decision text CHECK (decision IN ('approve', 'reject', 'poa_required')),
        decided_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX kyc_verifications_due ON kyc_verifications (due_at) WHERE status = 'pending'`);

    await q.query(`
      CREATE TABLE rates (
        currency text PRIMARY KEY,
        rate numeric(30, 12) NOT NULL CHECK (rate > 0),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    for (const [currency, rate] of Object.entries(DEFAULT_RATES)) {
      await q.query(`INSERT INTO rates (currency, rate) VALUES ($1, $2::numeric)`, [currency, rate]);
    }

    await q.query(`
      CREATE TABLE balances (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('fiat', 'crypto')),
        currency text NOT NULL,
        amount numeric(38, 18) NOT NULL DEFAULT 0 CHECK (amount >= 0),
        decimals smallint NOT NULL,
        status text,
        iban text,
        wallet text,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT balances_user_currency_key UNIQUE (user_id, currency),
        CONSTRAINT balances_iban_key UNIQUE (iban)
      )`);

    await q.query(`
      CREATE TABLE webhook_deliveries (
        id uuid PRIMARY KEY,
        event text NOT NULL,
        path text NOT NULL,
        payload jsonb NOT NULL,
        status text NOT NULL CHECK (status IN ('pending', 'delivered', 'failed', 'skipped')),
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL,
        last_status_code integer,
        last_error text,
        redelivery_of uuid REFERENCES webhook_deliveries (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz
      )`);
    await q.query(`CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE status = 'pending'`);
    await q.query(`CREATE INDEX webhook_deliveries_user ON webhook_deliveries ((payload ->> 'externalUserId'))`);

    await q.query(`
      CREATE TABLE webhook_delivery_attempts (
        id bigserial PRIMARY KEY,
        delivery_id uuid NOT NULL REFERENCES webhook_deliveries (id) ON DELETE CASCADE,
        attempt integer NOT NULL,
        started_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz,
        status_code integer,
        error text,
        duration_ms integer,
        CONSTRAINT webhook_delivery_attempts_key UNIQUE (delivery_id, attempt)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'webhook_delivery_attempts',
      'webhook_deliveries',
      'balances',
      'rates',
      'kyc_verifications',
      'kyc_decision_overrides',
      'kyc_files',
      'users',
    ]) {
      await q.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
