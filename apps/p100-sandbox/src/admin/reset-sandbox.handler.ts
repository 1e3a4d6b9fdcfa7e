import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { query } from '../database/sql';
import { DEFAULT_RATES } from '../ledger/default-rates';

/** Forgets every user, decision, delivery, fault and webhook drop and restores the default rates (for tests). */
@Injectable()
export class ResetSandboxHandler {
  constructor(private readonly dataSource: DataSource) {}

  async execute(): Promise<{ reset: true }> {
    await this.dataSource.transaction(async (tx) => {
      await query(
        tx,
        `TRUNCATE webhook_delivery_attempts, webhook_deliveries, balances, kyc_verifications, kyc_decision_overrides,
                  kyc_files, kyc_sessions, poa_verifications, card_transactions, cards, faults, webhook_drops, users, ledger_journal, partner_balances,
                  rate_drift_settings, exchanges, rate_locks, internal_transfers, partner_wallets,
                  sepa_transfers, sepa_deposits, sepa_contacts, crypto_withdrawals, crypto_deposits, orders, order_locks, payment_links`,
      );
      await query(tx, `DELETE FROM rates`);
      for (const [currency, rate] of Object.entries(DEFAULT_RATES)) {
        await query(tx, `INSERT INTO rates (currency, rate) VALUES ($1, $2::numeric)`, [currency, rate]);
      }
    });
    return { reset: true };
  }
}
