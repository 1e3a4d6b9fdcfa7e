import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { SandboxConfig } from '../config/sandbox-config';
import { SANDBOX_CONFIG } from '../config/sandbox-config.token';
import { INSUFFICIENT_FUNDS } from '../ledger/failure-reasons';
import { LedgerService, type LedgerOwner } from '../ledger/ledger.service';
import { normalize } from '../money/decimal';
import { DueRowWorker, pendingRows, type DueRow } from '../shared/due-row.worker';
import { enqueueWebhook } from '../webhooks/enqueue-webhook';
import { findTransfer, finishTransfer, type TransferRow } from './internal-transfers.repository';
import { transferView } from './transfer.view';

/**
 * Settles due internal transfers: debit the source, credit the destination, SUCCESSFUL — or
 * FAILED with the reason when the source cannot cover it — then the Internal Transfer webhook,
 * in one transaction. A master-balance transfer only credits the partner.
 */
@Injectable()
export class TransferSettlementWorker extends DueRowWorker {
  constructor(
    dataSource: DataSource,
    private readonly ledger: LedgerService,
    @Inject(SANDBOX_CONFIG) config: SandboxConfig,
  ) {
    super(dataSource, pendingRows('internal_transfers'), config.pollIntervalMs);
  }

  protected async process(tx: EntityManager, { id }: DueRow): Promise<void> {
    const transfer = (await findTransfer(tx, id))!;
    const movement = { currency: transfer.currency, amount: normalize(transfer.amount), reference: { type: 'transfer', id } };
    const source = sourceOf(transfer);
    const debited = source === null || (await this.ledger.tryDebit(tx, { ...movement, owner: source }));
    if (debited) {
      await this.ledger.credit(tx, { ...movement, owner: destinationOf(transfer) });
      await finishTransfer(tx, id, 'SUCCESSFUL');
    } else {
      await finishTransfer(tx, id, 'FAILED', INSUFFICIENT_FUNDS);
    }
    const settled = (await findTransfer(tx, id))!;
    await enqueueWebhook(tx, { event: 'internal-transfer', payload: { ...transferView(settled) } });
    this.logger.log({ transferId: id, status: settled.status }, 'internal transfer settled');
  }
}

function sourceOf(transfer: TransferRow): LedgerOwner | null {
  if (transfer.kind === 'collection') return { kind: 'user', userId: transfer.source_user_id! };
  if (transfer.kind === 'funding') return { kind: 'partner' };
  return null; // master-balance: money from outside the sandbox
}

function destinationOf(transfer: TransferRow): LedgerOwner {
  return transfer.kind === 'funding' ? { kind: 'user', userId: transfer.destination_user_id! } : { kind: 'partner' };
}
