import { Injectable } from '@nestjs/common';
import { orderLockSchema, resolveNetwork, type OrderLockInput, type OrderLockView } from '@platform/contracts';
import type { CommandHandler } from '@platform/kafka';
import { P100Client } from '@platform/p100-client';
import { RateLocksRepository } from '../exchange/rate-locks.repository';

/**
 * An order rate lock: how much of the crypto a payer must send for the EUR settlement, fixed
 * until P100's expiresAt. Remembered with its quote, because the order is created from the lock
 * id alone and is refused here, not at P100, when the lock is used or late.
 */
@Injectable()
export class LockOrderRateHandler implements CommandHandler<OrderLockInput, OrderLockView> {
  readonly schema = orderLockSchema;

  constructor(
    private readonly p100: P100Client,
    private readonly locks: RateLocksRepository,
  ) {}

  async handle({ currency, amount, network }: OrderLockInput): Promise<OrderLockView> {
    // The schema refused networks the currency does not go over; P100 wants one named.
    const over = resolveNetwork(currency, network)!;
    const lock = await this.p100.orders.lockRate({ currency, amount, network: over });
    const view: OrderLockView = {
      lockId: lock.lockId,
      // Older P100 versions named the currency `cryptocurrency`.
      currency: (lock.currency ?? lock.cryptocurrency ?? currency).toLowerCase(),
      network: (lock.network ?? over).toLowerCase(),
      amount: String(lock.amount),
      amountEur: amount,
      rate: String(lock.rate),
      expiresAt: new Date(lock.expiresAt).toISOString(),
    };
    await this.locks.remember({ purpose: 'order', ...view });
    return view;
  }
}
