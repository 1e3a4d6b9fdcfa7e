import { PAYMENTS_COMMANDS_TOPIC, PaymentsCommands, type ExecuteExchangeInput, type MovementView, type UserPaymentsRef } from '@platform/contracts';
import { recordingBus } from '../test-support/recording-bus';
import { sendCommand, sendMovementCommand } from './command.handler';
import type { Handler } from './operation';

const exchange: ExecuteExchangeInput = { externalUserId: 'jan-0001', lockId: 'lock-1', amount: '10.50', currencyFrom: 'eur', currencyTo: 'btc' };
const byUser = (input: { externalUserId: string }) => input.externalUserId;

describe('command handlers', () => {
  it('sendMovementCommand sends the input plus requestId <caller>:<Idempotency-Key>, keyed and timed as asked', async () => {
    const { deps, sent } = recordingBus();
    const handler: Handler<ExecuteExchangeInput, MovementView> = sendMovementCommand(PAYMENTS_COMMANDS_TOPIC, PaymentsCommands.executeExchange, byUser);
    await handler(exchange, { caller: 'payouts', timeoutMs: 1_234, idempotencyKey: 'order-77' }, deps);
    expect(sent).toEqual([
      { topic: 'payments.commands', type: 'payments.execute-exchange.v1', key: 'jan-0001', timeoutMs: 1_234, payload: { ...exchange, requestId: 'payouts:order-77' } },
    ]);
    // What the payments service will parse: the command's own schema takes it as it is.
    expect(PaymentsCommands.executeExchange.schema.parse(sent[0]!.payload)).toEqual({ ...exchange, requestId: 'payouts:order-77' });
  });

  it('scopes the requestId by caller: the same key from two clients is two movements', async () => {
    const { deps, sent } = recordingBus();
    const handler: Handler<ExecuteExchangeInput, MovementView> = sendMovementCommand(PAYMENTS_COMMANDS_TOPIC, PaymentsCommands.executeExchange, byUser);
    await handler(exchange, { caller: 'payouts', timeoutMs: 1_000, idempotencyKey: '1' }, deps);
    await handler(exchange, { caller: 'cards-app', timeoutMs: 1_000, idempotencyKey: '1' }, deps);
    expect(sent.map((c) => (c.payload as { requestId: string }).requestId)).toEqual(['payouts:1', 'cards-app:1']);
  });

  it('sendMovementCommand refuses to send without a key, naming the field, rather than send an unsafe retry', async () => {
    const { deps, sent } = recordingBus();
    const handler: Handler<ExecuteExchangeInput, MovementView> = sendMovementCommand(PAYMENTS_COMMANDS_TOPIC, PaymentsCommands.executeExchange, byUser);
    await expect(handler(exchange, { caller: 'payouts', timeoutMs: 1_000 }, deps)).rejects.toMatchObject({
      code: 'IDEMPOTENCY_KEY_REQUIRED',
      details: { field: 'Idempotency-Key' },
    });
    expect(sent).toEqual([]);
  });

  it('sendCommand sends the input as it is, without a requestId even when a key came', async () => {
    const { deps, sent } = recordingBus(() => ({ rates: [] }));
    const handler: Handler<UserPaymentsRef, unknown> = sendCommand(PAYMENTS_COMMANDS_TOPIC, PaymentsCommands.lockExchangeRate, byUser);
    await expect(handler({ externalUserId: 'jan-0001' }, { caller: 'payouts', timeoutMs: 1_000, idempotencyKey: 'k' }, deps)).resolves.toEqual({ rates: [] });
    expect(sent).toMatchObject([{ type: 'payments.lock-exchange-rate.v1', key: 'jan-0001', payload: { externalUserId: 'jan-0001' } }]);
  });
});
