import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { scaled, type SandboxConfig } from '../config/sandbox-config';
import { SANDBOX_CONFIG } from '../config/sandbox-config.token';
import { dueIn, query } from '../database/sql';
import { INSUFFICIENT_FUNDS } from '../ledger/failure-reasons';
import { ledgerOwnerOf, LedgerService } from '../ledger/ledger.service';
import { add } from '../money/decimal';
import { DueRowWorker, scheduledSteps, type DueRow } from '../shared/due-row.worker';
import { enqueueWebhook } from '../webhooks/enqueue-webhook';
import { cryptoWithdrawalWebhook, findCryptoWithdrawal, totalFee, type CryptoWithdrawalRow } from './crypto-withdrawal.view';


/**
 * Processes crypto withdrawals in two steps (internal processing, then on-chain confirmation):
 * PENDING → debit amount + service fee + network fee → PROCESSING, or FAILED (insufficient
 * funds); PROCESSING → SUCCESSFUL with a transaction hash. Each step sends the webhook.
 * The intermediate status names are not documented (inferred).
 */
@Injectable()
export class CryptoWithdrawalWorker extends DueRowWorker {
  constructor(
    dataSource: DataSource,
    @Inject(SANDBOX_CONFIG) private readonly config: SandboxConfig,
    private readonly ledger: LedgerService,
  ) {
    super(dataSource, scheduledSteps('crypto_withdrawals'), config.pollIntervalMs);
  }

  protected async process(tx: EntityManager, { id }: DueRow): Promise<void> {
    const withdrawal = await findCryptoWithdrawal(tx, id);
    if (withdrawal?.status === 'PENDING') await this.debit(tx, withdrawal);
    else if (withdrawal?.status === 'PROCESSING') await this.confirmOnChain(tx, withdrawal);
  }

  private async debit(tx: EntityManager, withdrawal: CryptoWithdrawalRow): Promise<void> {
    const debited = await this.ledger.tryDebit(tx, {
      owner: ledgerOwnerOf(withdrawal.user_id),
      currency: withdrawal.currency,
      amount: add(withdrawal.amount, totalFee(withdrawal)),
      reference: { type: 'crypto-withdrawal', id: withdrawal.id },
    });
    if (debited) {
      await query(tx, `UPDATE crypto_withdrawals SET status = 'PROCESSING', next_step_at = ${dueIn('$2')} WHERE id = $1`, [
        withdrawal.id,
        scaled(this.config, this.config.moneyProcessingDelayMs),
      ]);
      await this.notify(tx, { ...withdrawal, status: 'PROCESSING' });
    } else {
      await query(tx, `UPDATE crypto_withdrawals SET status = 'FAILED', error = $2::jsonb WHERE id = $1`, [
        withdrawal.id,
        JSON.stringify(INSUFFICIENT_FUNDS),
      ]);
      await this.notify(tx, { ...withdrawal, status: 'FAILED', error: INSUFFICIENT_FUNDS });
    }
  }

  private async confirmOnChain(tx: EntityManager, withdrawal: CryptoWithdrawalRow): Promise<void> {
    const hash = withdrawal.network === 'btc' || withdrawal.network === 'ltc' ? randomBytes(32).toString('hex') : `0x${randomBytes(32).toString('hex')}`;
    await query(tx, `UPDATE crypto_withdrawals SET status = 'SUCCESSFUL', transaction_hash = $2 WHERE id = $1`, [withdrawal.id, hash]);
    await this.notify(tx, { ...withdrawal, status: 'SUCCESSFUL', transaction_hash: hash });
  }

  private async notify(tx: EntityManager, row: CryptoWithdrawalRow): Promise<void> {
    await enqueueWebhook(tx, { event: 'crypto-withdrawal', payload: cryptoWithdrawalWebhook(row) });
    this.logger.log({ withdrawalId: row.id, status: row.status }, 'crypto withdrawal advanced');
  }
}
