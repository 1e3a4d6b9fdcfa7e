import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Differences the reconciliation job found between the shadow ledger and P100 (docs/payments.md). */
export class CreateReconciliationDrifts1764800000100 implements MigrationInterface {
  name = 'CreateReconciliationDrifts1764800000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE reconciliation_drifts (
        id             uuid PRIMARY KEY,
        account        text NOT NULL,
        currency       text NOT NULL,
        ledger_posted  numeric NOT NULL,
        p100_amount    numeric NOT NULL,
        difference     numeric NOT NULL,
        detected_at    timestamptz NOT NULL DEFAULT now(),
        resolved_at    timestamptz
      )`);
    // At most one open drift per account and currency: a run that sees the same difference again adds nothing.
    await q.query(`CREATE UNIQUE INDEX reconciliation_drifts_open ON reconciliation_drifts (account, currency) WHERE resolved_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE reconciliation_drifts');
  }
}
