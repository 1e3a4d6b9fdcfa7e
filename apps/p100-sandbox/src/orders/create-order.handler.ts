import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { scaled, type SandboxConfig } from '../config/sandbox-config';
import { SANDBOX_CONFIG } from '../config/sandbox-config.token';
import { dueIn, query } from '../database/sql';
import { parseP100Input } from '../errors/parse-p100-input';
import { enqueueWebhook } from '../webhooks/enqueue-webhook';
import { consumeOrderLock } from './order-locks.repository';
import { createOrderRequest } from './order.request';
import { findOrder, toOrderDetails } from './order.view';

/** Confirmations before an order counts as paid (the docs' example shows 3). */
export const REQUIRED_CONFIRMATIONS = 3;

/**
 * Create and Finalize an Order (#18): uses the lock once and starts the order in
 * WAITING_FOR_WALLET_ADDRESS with `walletAddress` and `expiresAt` null; OrderWorker assigns the
 * address after the processing delay.
 */
@Injectable()
export class CreateOrderHandler {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(SANDBOX_CONFIG) private readonly config: SandboxConfig,
  ) {}

  async execute(body: unknown): Promise<{ orderId: string }> {
    const { lockId } = parseP100Input(createOrderRequest, body);
    const id = randomUUID();
    await this.dataSource.transaction(async (tx) => {
      const lock = await consumeOrderLock(tx, lockId);
      await query(
        tx,
        `INSERT INTO orders (id, lock_id, currency, network, settlement_amount, total_amount_required, required_confirmations,
                             status, next_step_at)
         VALUES ($1, $2, $3, $4, $5::numeric, $6::numeric, $7, 'WAITING_FOR_WALLET_ADDRESS', ${dueIn('$8')})`,
        [id, lock.id, lock.currency, lock.network, lock.settlement_amount, lock.crypto_amount, REQUIRED_CONFIRMATIONS,
          scaled(this.config, this.config.moneyProcessingDelayMs)],
      );
      await enqueueWebhook(tx, { event: 'order-status', payload: { ...toOrderDetails((await findOrder(tx, id))!) } });
    });
    return { orderId: id };
  }
}
