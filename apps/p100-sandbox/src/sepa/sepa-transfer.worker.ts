import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { SandboxConfig } from '../config/sandbox-config';
import { SANDBOX_CONFIG } from '../config/sandbox-config.token';
import { query, queryOne } from '../database/sql';
import { INSUFFICIENT_FUNDS } from '../ledger/failure-reasons';
import { ledgerOwnerOf, LedgerService } from '../ledger/ledger.service';
import { add } from '../money/decimal';
import { enqueueWebhook } from '../webhooks/enqueue-webhook';
import { DueRowWorker, scheduledSteps, type DueRow } from '../shared/due-row.worker';
import { findSepaTransfer, toSepaTransferView, type MovementError, type SepaTransferRow } from './sepa-transfer.view';

const NOT_WHITELISTED: MovementError = {
  description: "Closed loop: the destination IBAN is not the account holder's own (not on the SEPA deposit contact list)",
  status: 'destination-not-allowed',
};

/**
 * Processes queued SEPA transfers: closed loop (level 1) only pays out to a whitelisted IBAN;
 * then amount + fee are debited, or the transfer fails with insufficient funds. The outcome and
 * its webhook (`partner-sepa-transfer` / `user-sepa-transfer`) commit together.
 */
@Injectable()
export class SepaTransferWorker extends DueRowWorker {
  constructor(
    dataSource: DataSource,
    @Inject(SANDBOX_CONFIG) private readonly config: SandboxConfig,
    private readonly ledger: LedgerService,
  ) {
    super(dataSource, scheduledSteps('sepa_transfers'), config.pollIntervalMs);
  }

  protected async process(tx: EntityManager, { id }: DueRow): Promise<void> {
    const transfer = await findSepaTransfer(tx, id);
    if (!transfer || transfer.status !== 'PENDING') return;
    const owner = ledgerOwnerOf(transfer.user_id);

    let error: MovementError | null = null;
    if (this.config.sepaLevel === 1 && !(await isWhitelisted(tx, transfer))) error = NOT_WHITELISTED;
    else {
      const debited = await this.ledger.tryDebit(tx, {
        owner,
        currency: transfer.currency,
        amount: add(transfer.amount, transfer.fee),
        reference: { type: 'sepa-transfer', id },
      });
      if (!debited) error = INSUFFICIENT_FUNDS;
    }

    const status = error ? 'FAILED' : 'SUCCESSFUL';
    await query(tx, `UPDATE sepa_transfers SET status = $2, error = $3::jsonb, updated_at = now() WHERE id = $1`, [
      id,
      status,
      error ? JSON.stringify(error) : null,
    ]);
    const event = transfer.user_id ? 'user-sepa-transfer' : 'partner-sepa-transfer';
    // SUCCESSFUL carries the full record; FAILED the minimal error-centred body (webhooks.md, inferred).
    const payload = error ? { id, status, error } : { ...toSepaTransferView({ ...transfer, status, error }) };
    await enqueueWebhook(tx, { event, payload });
    this.logger.log({ transferId: id, status }, 'SEPA transfer processed');
  }
}

async function isWhitelisted(tx: EntityManager, transfer: SepaTransferRow): Promise<boolean> {
  const row = await queryOne<{ found: boolean }>(
    tx,
    `SELECT EXISTS (SELECT 1 FROM sepa_contacts WHERE user_id IS NOT DISTINCT FROM $1 AND iban = $2) AS found`,
    [transfer.user_id, transfer.destination_iban],
  );
  return row?.found === true;
}
