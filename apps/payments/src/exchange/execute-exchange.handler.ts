import { Injectable } from '@nestjs/common';
import { PartnerPaymentsCommands, PaymentsCommands, type MovementView, type PartnerExecuteExchangeInput } from '@platform/contracts';
import type { CommandHandler } from '@platform/kafka';
import { P100Client } from '@platform/p100-client';
import type { z, ZodType } from 'zod';
import { ownerOf } from '../movements/movement';
import { MovementExecutor } from '../movements/movement-executor';
import { RateLocksRepository } from './rate-locks.repository';

type ExecuteExchangeCommand = z.infer<typeof PaymentsCommands.executeExchange.schema>;
type PartnerExecuteExchangeCommand = z.infer<typeof PartnerPaymentsCommands.executeExchange.schema>;

/**
 * Execute an exchange with a lock we handed out, from a user's balance or the partner's own
 * (owner null): the lock, the owner's, is consumed with the movement, before P100 is called.
 * Decorated too, so that Nest finds the constructor's parameter types the subclasses inherit.
 */
@Injectable()
abstract class ExchangeExecution<C extends PartnerExecuteExchangeInput & { requestId: string }> implements CommandHandler<C, MovementView> {
  abstract readonly schema: ZodType<C>;

  constructor(
    private readonly executor: MovementExecutor,
    private readonly locks: RateLocksRepository,
    private readonly p100: P100Client,
  ) {}

  handle(command: C): Promise<MovementView> {
    const { requestId, ...terms } = command;
    const externalUserId = ownerOf(command);
    const exchange = { amount: terms.amount, currencyFrom: terms.currencyFrom, currencyTo: terms.currencyTo, lockId: terms.lockId };
    return this.executor.execute({
      kind: 'exchange',
      requestId,
      terms,
      externalUserId,
      amount: terms.amount,
      currency: terms.currencyFrom,
      currencyTo: terms.currencyTo,
      lockId: terms.lockId,
      operation: externalUserId === null ? 'partnerExecuteExchange' : 'userExecuteExchange',
      reserve: (manager, movementId) => this.locks.consume(manager, terms.lockId, { purpose: 'exchange', externalUserId }, movementId),
      unreserve: (manager, movementId) => this.locks.release(manager, terms.lockId, movementId),
      call: async () => {
        const { exchangeId } = externalUserId === null ? await this.p100.exchange.partnerExecute(exchange) : await this.p100.exchange.execute({ sourceExternalUserId: externalUserId, ...exchange });
        return { p100Id: exchangeId };
      },
    });
  }
}

/** A user's exchange. */
@Injectable()
export class ExecuteExchangeHandler extends ExchangeExecution<ExecuteExchangeCommand> {
  readonly schema = PaymentsCommands.executeExchange.schema;
}

/** The partner's own exchange (a partner lock, the partner's balance). */
@Injectable()
export class PartnerExecuteExchangeHandler extends ExchangeExecution<PartnerExecuteExchangeCommand> {
  readonly schema = PartnerPaymentsCommands.executeExchange.schema;
}
