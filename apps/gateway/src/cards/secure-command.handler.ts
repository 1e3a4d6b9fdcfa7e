import type { CardsLane } from '@platform/contracts';
import { requestIdOf } from '../operations/command.handler';
import type { Handler } from '../operations/operation';

interface SecureCommand {
  type: string;
  lane: CardsLane;
}

/**
 * The handler of a cards command that holds a card secret: sent on the cards secure lane (HTTP,
 * memory only), never on Kafka. `withRequestId` adds the caller-scoped Idempotency-Key, as money
 * movements carry it, so that the cards service recognises a retry instead of issuing a second card.
 */
export function sendSecureCardsCommand<I, O>(command: SecureCommand & { lane: 'secure' }, options: { withRequestId?: boolean } = {}): Handler<I, O> {
  return async (input, context, { cardsLane }) => {
    const payload = options.withRequestId ? { ...input, requestId: requestIdOf(context) } : input;
    return cardsLane.request<O>(command.type, payload, { timeoutMs: context.timeoutMs, caller: context.caller });
  };
}
