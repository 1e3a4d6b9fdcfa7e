import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { generateWalletAddress } from '../balances/wallet-address';
import { scaled, type SandboxConfig } from '../config/sandbox-config';
import { SANDBOX_CONFIG } from '../config/sandbox-config.token';
import { dueIn, query } from '../database/sql';
import { cryptoCurrency, FIAT_CURRENCY } from '../ledger/currency-catalog';
import { LedgerService } from '../ledger/ledger.service';
import { compare } from '../money/decimal';
import { DueRowWorker, scheduledSteps, type DueRow } from '../shared/due-row.worker';
import { enqueueWebhook } from '../webhooks/enqueue-webhook';
import { findOrder, toOrderDetails, type OrderRow } from './order.view';

/**
 * Moves orders through their life (errors-and-limits.md › Order), one `order-status` webhook per
 * change: WAITING_FOR_WALLET_ADDRESS → address assigned, payment window open
 * (WAITING_FOR_PAYMENT) → EXPIRED when nothing arrives in the window; after the payment (admin
 * trigger) WAITING_FOR_CONFIRMATION gains one confirmation per step, and at the required count
 * the order is COMPLETED — the EUR settlement credited to the partner — or UNDERPAID.
 */
@Injectable()
export class OrderWorker extends DueRowWorker {
  constructor(
    dataSource: DataSource,
    @Inject(SANDBOX_CONFIG) private readonly config: SandboxConfig,
    private readonly ledger: LedgerService,
  ) {
    super(dataSource, scheduledSteps('orders'), config.pollIntervalMs);
  }

  protected async process(tx: EntityManager, { id }: DueRow): Promise<void> {
    const order = await findOrder(tx, id);
    if (!order) return;
    switch (order.status) {
      case 'WAITING_FOR_WALLET_ADDRESS':
        return this.assignWallet(tx, order);
      case 'WAITING_FOR_PAYMENT':
        return this.update(tx, order, `status = 'EXPIRED'`);
      case 'WAITING_FOR_CONFIRMATION':
        return this.confirm(tx, order);
      default:
        return;
    }
  }

  private async assignWallet(tx: EntityManager, order: OrderRow): Promise<void> {
    const family = cryptoCurrency(order.currency)?.addressFamily ?? 'evm';
    const windowMs = scaled(this.config, this.config.paymentWindowMs);
    await this.update(tx, order, `status = 'WAITING_FOR_PAYMENT', wallet_address = $2, expires_at = ${dueIn('$3')}, next_step_at = ${dueIn('$3')}`, [
      generateWalletAddress(family),
      windowMs,
    ]);
  }

  private async confirm(tx: EntityManager, order: OrderRow): Promise<void> {
    const confirmations = order.confirmations + 1;
    if (confirmations < order.required_confirmations) {
      await this.update(tx, order, `confirmations = $2, next_step_at = ${dueIn('$3')}`, [
        confirmations,
        scaled(this.config, this.config.moneyProcessingDelayMs),
      ]);
      return;
    }
    const paidInFull = compare(order.received_amount, order.total_amount_required) >= 0;
    if (paidInFull) {
      await this.ledger.credit(tx, {
        owner: { kind: 'partner' },
        currency: FIAT_CURRENCY.slug,
        amount: order.settlement_amount,
        reference: { type: 'order', id: order.id },
      });
    }
    await this.update(tx, order, `confirmations = $2, status = $3`, [confirmations, paidInFull ? 'COMPLETED' : 'UNDERPAID']);
  }

  /** Applies `assignments` (parameters from $2) and sends the webhook with the new state. */
  private async update(tx: EntityManager, order: OrderRow, assignments: string, params: unknown[] = []): Promise<void> {
    await query(tx, `UPDATE orders SET ${assignments}, updated_at = now() WHERE id = $1`, [order.id, ...params]);
    const updated = (await findOrder(tx, order.id))!;
    await enqueueWebhook(tx, { event: 'order-status', payload: { ...toOrderDetails(updated) } });
    this.logger.log({ orderId: order.id, status: updated.status, confirmations: updated.confirmations }, 'order advanced');
  }
}
