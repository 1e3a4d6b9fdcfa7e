import { Injectable } from '@nestjs/common';
import { PartnerPaymentsCommands, type MovementView } from '@platform/contracts';
import type { CommandHandler } from '@platform/kafka';
import { P100Client } from '@platform/p100-client';
import type { z } from 'zod';
import { RateLocksRepository } from '../exchange/rate-locks.repository';
import { MovementExecutor } from '../movements/movement-executor';

type CreateOrderCommand = z.infer<typeof PartnerPaymentsCommands.createOrder.schema>;

const PARTNER_LOCK = { purpose: 'order', externalUserId: null } as const;

/**
 * Create and finalize an order from a lock we handed out. The movement takes its figures from
 * the lock's quote (the crypto to pay, the EUR to settle), and the lock is consumed with it,
 * before P100 is called: a used or expired lock never reaches P100.
 */
@Injectable()
export class CreateOrderHandler implements CommandHandler<CreateOrderCommand, MovementView> {
  readonly schema = PartnerPaymentsCommands.createOrder.schema;

  constructor(
    private readonly executor: MovementExecutor,
    private readonly locks: RateLocksRepository,
    private readonly p100: P100Client,
  ) {}

  async handle({ requestId, ...terms }: CreateOrderCommand): Promise<MovementView> {
    const quote = await this.locks.orderQuote(terms.lockId);
    return this.executor.execute({
      kind: 'order',
      requestId,
      terms,
      externalUserId: null,
      amount: quote.amount,
      currency: quote.currency,
      amountTo: quote.amountEur,
      currencyTo: 'eur',
      lockId: terms.lockId,
      operation: 'createOrder',
      reserve: (manager, movementId) => this.locks.consume(manager, terms.lockId, PARTNER_LOCK, movementId),
      unreserve: (manager, movementId) => this.locks.release(manager, terms.lockId, movementId),
      call: async () => {
        const { orderId } = await this.p100.orders.create(terms.lockId);
        return { p100Id: orderId };
      },
    });
  }
}
