import { randomBytes } from 'node:crypto';
import { ConflictException, Inject, Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { parseInput } from '@platform/service';
import { scaled, type SandboxConfig } from '../config/sandbox-config';
import { SANDBOX_CONFIG } from '../config/sandbox-config.token';
import { dueIn, query } from '../database/sql';
import { amountField, amountPrecisionProblem } from '../money/amount-schema';
import { enqueueWebhook } from '../webhooks/enqueue-webhook';
import { findOrder, toOrderDetails, type OrderDetailsView } from './order.view';
import { isUuid } from '../sepa/request-fields';

const payOrderRequest = z.object({
  /** Crypto received; defaults to exactly `totalAmountRequired`. Less simulates an underpayment. */
  amount: amountField.optional(),
  transactionHash: z.string().min(1).optional(),
});

/**
 * Admin: the payer's on-chain payment to the order's wallet (only the chain can cause it). The
 * order goes to WAITING_FOR_CONFIRMATION with 0 confirmations; OrderWorker counts them up.
 */
@Injectable()
export class PayOrderHandler {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(SANDBOX_CONFIG) private readonly config: SandboxConfig,
  ) {}

  async execute(orderId: string, body: unknown): Promise<OrderDetailsView> {
    const input = parseInput(payOrderRequest, body ?? {});
    return this.dataSource.transaction(async (tx) => {
      const order = isUuid(orderId) ? await findOrder(tx, orderId, true) : undefined;
      if (!order) throw new NotFoundException(`Order ${orderId} does not exist`);
      if (order.status !== 'WAITING_FOR_PAYMENT') throw new ConflictException(`Order is ${order.status}, not waiting for a payment`);
      const amount = input.amount ?? order.total_amount_required;
      const precision = amountPrecisionProblem(amount, order.currency);
      if (precision) throw new UnprocessableEntityException(precision);
      const hash = input.transactionHash ?? `0x${randomBytes(32).toString('hex')}`;
      await query(
        tx,
        `UPDATE orders SET status = 'WAITING_FOR_CONFIRMATION', received_amount = $2::numeric, transaction_hash = $3, confirmations = 0,
                next_step_at = ${dueIn('$4')}, updated_at = now()
          WHERE id = $1`,
        [order.id, amount, hash, scaled(this.config, this.config.moneyProcessingDelayMs)],
      );
      const view = toOrderDetails((await findOrder(tx, order.id))!);
      await enqueueWebhook(tx, { event: 'order-status', payload: { ...view } });
      return view;
    });
  }
}
