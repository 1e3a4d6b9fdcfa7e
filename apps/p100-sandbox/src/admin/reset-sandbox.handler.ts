import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { query } from '../database/sql';
import { DEFAULT_RATES } from '../ledger/default-rates';

/** Forgets every user, decision and delivery and restores the default rates (for tests). */
@Injectable()
export class ResetSandboxHandler {
  constructor(private readonly dataSource: DataSource) {}

  async execute(): Promise<{ reset: true }> {
    await this.dataSource.transaction(async (tx) => {
      await query(
        tx,
        `TRUNCATE webhook_delivery_attempts, webhook_deliveries, balances, kyc_verifications, kyc_decision_overrides,
                  kyc_files, users`,
      );
      await query(tx, `DELETE FROM rates`);
      for (const [currency, rate] of Object.entries(DEFAULT_RATES)) {
        await query(tx, `INSERT INTO rates (currency, rate) VALUES ($1, $2::numeric)`, [currency, rate]);
      }
    });
    return { reset: true };
  }
}
