import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { SandboxConfig } from '../config/sandbox-config';
import { SANDBOX_CONFIG } from '../config/sandbox-config.token';
import { INSUFFICIENT_FUNDS } from '../ledger/failure-reasons';
import { LedgerService, type LedgerOwner } from '../ledger/ledger.service';
import { DueRowWorker, pendingRows, type DueRow } from '../shared/due-row.worker';
import { normalize } from '../money/decimal';
import { enqueueWebhook } from '../webhooks/enqueue-webhook';
import { exchangeView } from './exchange.view';
import { findExchange, finishExchange } from './exchanges.repository';

/**
 * Settles due exchanges: debit currencyFrom, credit currencyTo, COMPLETED — or FAILED with the
 * reason when the balance does not cover the amount — then the Exchange webhook, all in one
 * transaction.
 */
@Injectable()
export class ExchangeSettlementWorker extends DueRowWorker {
  constructor(
    dataSource: DataSource,
    private readonly ledger: LedgerService,
    @Inject(SANDBOX_CONFIG) config: SandboxConfig,
  ) {
    super(dataSource, pendingRows('exchanges'), config.pollIntervalMs);
  }

  protected async process(tx: EntityManager, { id }: DueRow): Promise<void> {
    const exchange = (await findExchange(tx, id))!;
    const owner: LedgerOwner = exchange.owner_kind === 'user' ? { kind: 'user', userId: exchange.user_id! } : { kind: 'partner' };
    const reference = { type: 'exchange', id };
    const debited = await this.ledger.tryDebit(tx, { owner, currency: exchange.currency_from, amount: normalize(exchange.amount), reference });
    if (debited) {
      await this.ledger.credit(tx, { owner, currency: exchange.currency_to, amount: normalize(exchange.amount_to), reference });
      await finishExchange(tx, id, 'COMPLETED');
    } else {
      await finishExchange(tx, id, 'FAILED', INSUFFICIENT_FUNDS);
    }
    const settled = (await findExchange(tx, id))!;
    await enqueueWebhook(tx, { event: 'exchange', payload: { ...exchangeView(settled) } });
    this.logger.log({ exchangeId: id, status: settled.status }, 'exchange settled');
  }
}
