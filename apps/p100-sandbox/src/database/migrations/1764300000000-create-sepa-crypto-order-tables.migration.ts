import type { MigrationInterface, QueryRunner } from 'typeorm';
import { generateIban } from '../../balances/iban';

/**
 * SEPA transfers and deposits, whitelisted contacts, crypto withdrawals and deposits, order
 * locks, orders and payment links. Every row that moves on by itself carries `next_step_at`:
 * a worker advances the due rows, so a restart only delays what was scheduled, never loses it.
 * Money lives in the ledger (balances / partner_balances); these tables only record intents.
 * `user_id` null means the partner's own operation.
 */
export class CreateSepaCryptoOrderTables1764300000000 implements MigrationInterface {
  name = 'CreateSepaCryptoOrderTables1764300000000';

  async up(q: QueryRunner): Promise<void> {
    // The partner's own SEPA deposit account: stable for the schema's lifetime (not reset).
    await q.query(`
      CREATE TABLE partner_sepa_account (
        singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
        iban text NOT NULL,
        title uuid NOT NULL DEFAULT gen_random_uuid()
      )`);
    await q.query(`INSERT INTO partner_sepa_account (iban) VALUES ($1)`, [generateIban()]);

    await q.query(`
      CREATE TABLE sepa_transfers (
        id uuid PRIMARY KEY,
        user_id uuid REFERENCES users (id) ON DELETE CASCADE,
        amount numeric(38, 18) NOT NULL CHECK (amount > 0),
        fee numeric(38, 18) NOT NULL CHECK (fee >= 0),
        currency text NOT NULL,
        destination_iban text NOT NULL,
        transfer_title text NOT NULL,
        receiver_type text,
        receiver_first_name text,
        receiver_last_name text,
        company_name text,
        status text NOT NULL CHECK (status IN ('PENDING', 'SUCCESSFUL', 'FAILED')),
        error jsonb,
        next_step_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`
      CREATE TABLE sepa_deposits (
        id uuid PRIMARY KEY,
        user_id uuid REFERENCES users (id) ON DELETE CASCADE,
        amount numeric(38, 18) NOT NULL CHECK (amount > 0),
        currency text NOT NULL,
        sender_name text NOT NULL,
        sender_iban text NOT NULL,
        title text NOT NULL,
        status text NOT NULL CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED')),
        next_step_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);

    // The whitelisted contact list: sender IBANs of APPROVED deposits, per user or the partner.
    await q.query(`
      CREATE TABLE sepa_contacts (
        id uuid PRIMARY KEY,
        user_id uuid REFERENCES users (id) ON DELETE CASCADE,
        iban text NOT NULL,
        name text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE UNIQUE INDEX sepa_contacts_owner_iban ON sepa_contacts (COALESCE(user_id, '00000000-0000-0000-0000-000000000000'::uuid), iban)`,
    );

    await q.query(`
      CREATE TABLE crypto_withdrawals (
        id uuid PRIMARY KEY,
        user_id uuid REFERENCES users (id) ON DELETE CASCADE,
        currency text NOT NULL,
        network text NOT NULL,
        amount numeric(38, 18) NOT NULL CHECK (amount > 0),
        service_fee numeric(38, 18) NOT NULL CHECK (service_fee >= 0),
        network_fee numeric(38, 18) NOT NULL CHECK (network_fee >= 0),
        wallet_address text NOT NULL,
        memo text,
        name text NOT NULL,
        wallet_type text NOT NULL,
        receiver_type text NOT NULL,
        status text NOT NULL CHECK (status IN ('PENDING', 'PROCESSING', 'SUCCESSFUL', 'FAILED')),
        transaction_hash text,
        error jsonb,
        next_step_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`
      CREATE TABLE crypto_deposits (
        id uuid PRIMARY KEY,
        user_id uuid REFERENCES users (id) ON DELETE CASCADE,
        currency text NOT NULL,
        network text NOT NULL,
        amount numeric(38, 18) NOT NULL CHECK (amount > 0),
        transaction_hash text NOT NULL,
        outcome text NOT NULL CHECK (outcome IN ('success', 'unsuccessful')),
        status text NOT NULL CHECK (status IN ('WAITING_FOR_VERIFICATION', 'WAITING_FOR_TR_DATA', 'SUCCESSFUL', 'UNSUCCESSFUL')),
        travel_rule jsonb,
        next_step_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`
      CREATE TABLE order_locks (
        id uuid PRIMARY KEY,
        currency text NOT NULL,
        network text NOT NULL,
        settlement_amount numeric(38, 18) NOT NULL CHECK (settlement_amount > 0),
        crypto_amount numeric(38, 18) NOT NULL CHECK (crypto_amount > 0),
        rate numeric(30, 12) NOT NULL,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`
      CREATE TABLE orders (
        id uuid PRIMARY KEY,
        lock_id uuid NOT NULL UNIQUE REFERENCES order_locks (id),
        currency text NOT NULL,
        network text NOT NULL,
        settlement_amount numeric(38, 18) NOT NULL,
        total_amount_required numeric(38, 18) NOT NULL,
        received_amount numeric(38, 18) NOT NULL DEFAULT 0,
        confirmations integer NOT NULL DEFAULT 0,
        required_confirmations integer NOT NULL,
        wallet_address text,
        transaction_hash text,
        status text NOT NULL CHECK (status IN ('WAITING_FOR_WALLET_ADDRESS', 'WAITING_FOR_PAYMENT', 'WAITING_FOR_CONFIRMATION',
                                                'COMPLETED', 'UNDERPAID', 'EXPIRED')),
        expires_at timestamptz,
        next_step_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`
      CREATE TABLE payment_links (
        id uuid PRIMARY KEY,
        kind text NOT NULL CHECK (kind IN ('payment-link', 'hosted-checkout')),
        amount numeric(38, 18) NOT NULL CHECK (amount > 0),
        currency text NOT NULL,
        description text,
        redirect_url text,
        url text NOT NULL,
        status text NOT NULL CHECK (status IN ('ACTIVE', 'PAID', 'EXPIRED')),
        paid_currency text,
        next_step_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);

    for (const table of ['sepa_transfers', 'sepa_deposits', 'crypto_withdrawals', 'crypto_deposits', 'orders', 'payment_links']) {
      await q.query(`CREATE INDEX ${table}_due ON ${table} (next_step_at) WHERE next_step_at IS NOT NULL`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS payment_links, orders, order_locks, crypto_deposits, crypto_withdrawals,
                   sepa_contacts, sepa_deposits, sepa_transfers, partner_sepa_account`);
  }
}
