import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { SandboxConfig } from '../config/sandbox-config';
import { SANDBOX_CONFIG } from '../config/sandbox-config.token';
import { query, queryOne } from '../database/sql';
import { cryptoCurrency } from '../ledger/currency-catalog';
import { ledgerOwnerOf, LedgerService } from '../ledger/ledger.service';
import { compare, mulRound } from '../money/decimal';
import { DueRowWorker, scheduledSteps, type DueRow } from '../shared/due-row.worker';
import { enqueueWebhook } from '../webhooks/enqueue-webhook';
import { cryptoDepositPayload, findCryptoDeposit, type CryptoDepositRow, type CryptoDepositStatus } from './crypto-deposit.payload';

/**
 * Verifies incoming crypto deposits (WAITING_FOR_VERIFICATION):
 * - UNSUCCESSFUL when the compliance outcome says so, the amount is below `minDeposit`, or the
 *   user is suspended (suspension blocks deposits);
 * - WAITING_FOR_TR_DATA when its EUR value is above the Travel Rule threshold and no originator
 *   data was given yet; Update Travel Rule sends it back here;
 * - otherwise SUCCESSFUL: credited to the owner's balance.
 * Every status change sends the `crypto-deposit` webhook in the same transaction.
 */
@Injectable()
export class CryptoDepositWorker extends DueRowWorker {
  constructor(
    dataSource: DataSource,
    @Inject(SANDBOX_CONFIG) private readonly config: SandboxConfig,
    private readonly ledger: LedgerService,
  ) {
    super(dataSource, scheduledSteps('crypto_deposits'), config.pollIntervalMs);
  }

  protected async process(tx: EntityManager, { id }: DueRow): Promise<void> {
    const deposit = await findCryptoDeposit(tx, id);
    if (deposit?.status !== 'WAITING_FOR_VERIFICATION') return;
    const status = await this.decide(tx, deposit);
    if (status === 'SUCCESSFUL') {
      await this.ledger.credit(tx, {
        owner: ledgerOwnerOf(deposit.user_id),
        currency: deposit.currency,
        amount: deposit.amount,
        reference: { type: 'crypto-deposit', id },
      });
    }
    await query(tx, `UPDATE crypto_deposits SET status = $2 WHERE id = $1`, [id, status]);
    await enqueueWebhook(tx, { event: 'crypto-deposit', payload: cryptoDepositPayload(deposit, status) });
    this.logger.log({ cryptoDepositId: id, status }, 'crypto deposit verified');
  }

  private async decide(tx: EntityManager, deposit: CryptoDepositRow): Promise<CryptoDepositStatus> {
    const minDeposit = cryptoCurrency(deposit.currency)?.networkConfig[deposit.network]?.deposit.minDeposit ?? '0';
    if (deposit.outcome === 'unsuccessful' || deposit.user_blocked || compare(deposit.amount, minDeposit) < 0) return 'UNSUCCESSFUL';
    if (!deposit.travel_rule && compare(await this.eurValue(tx, deposit), this.config.travelRuleThresholdEur) > 0) {
      return 'WAITING_FOR_TR_DATA';
    }
    return 'SUCCESSFUL';
  }

  private async eurValue(tx: EntityManager, deposit: CryptoDepositRow): Promise<string> {
    const rate = await queryOne<{ rate: string }>(tx, `SELECT rate::text AS rate FROM rates WHERE currency = $1`, [deposit.currency]);
    if (!rate) throw new Error(`No rate for ${deposit.currency}`);
    return mulRound(deposit.amount, rate.rate, 2, 'down');
  }
}
