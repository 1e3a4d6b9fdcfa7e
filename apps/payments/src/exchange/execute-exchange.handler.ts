import { Injectable } from '@nestjs/common';
import { PaymentsCommands, type MovementView } from '@platform/contracts';
import type { CommandHandler } from '@platform/kafka';
import { P100Client } from '@platform/p100-client';
import type { z } from 'zod';
import { MovementExecutor } from '../movements/movement-executor';
import { RateLocksRepository } from './rate-locks.repository';

type ExecuteExchangeCommand = z.infer<typeof PaymentsCommands.executeExchange.schema>;

/** Execute an exchange with a lock we handed out: the lock is consumed with the movement, before P100 is called. */
@Injectable()
export class ExecuteExchangeHandler implements CommandHandler<ExecuteExchangeCommand, MovementView> {
  readonly schema = PaymentsCommands.executeExchange.schema;

  constructor(
    private readonly executor: MovementExecutor,
    private readonly locks: RateLocksRepository,
    private readonly p100: P100Client,
  ) {}

  handle({ requestId, ...terms }: ExecuteExchangeCommand): Promise<MovementView> {
    return this.executor.execute({
      kind: 'exchange',
      requestId,
      terms,
      externalUserId: terms.externalUserId,
      amount: terms.amount,
      currency: terms.currencyFrom,
      currencyTo: terms.currencyTo,
      lockId: terms.lockId,
      operation: 'userExecuteExchange',
      reserve: (manager, movementId) => this.locks.consume(manager, terms.lockId, { purpose: 'exchange', externalUserId: terms.externalUserId }, movementId),
      unreserve: (manager, movementId) => this.locks.release(manager, terms.lockId, movementId),
      call: async () => {
        const { exchangeId } = await this.p100.exchange.execute({
          sourceExternalUserId: terms.externalUserId,
          amount: terms.amount,
          currencyFrom: terms.currencyFrom,
          currencyTo: terms.currencyTo,
          lockId: terms.lockId,
        });
        return { p100Id: exchangeId };
      },
    });
  }
}
