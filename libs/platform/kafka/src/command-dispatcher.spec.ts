import { Logger } from '@nestjs/common';
import { KafkaContext } from '@nestjs/microservices';
import { z } from 'zod';
import { DomainError, MessageHeaders, REPLY_MARGIN_MS } from '@platform/contracts';
import { currentCorrelationId, currentDeadline } from '@platform/logging';
import { metricsRegistry } from '@platform/metrics';
import { CommandDispatcher, type CommandHandlers } from './command-dispatcher';

const TOPIC = 'test.dispatcher.commands';

class RateLockedElsewhere extends Error {}

const handlers: CommandHandlers = {
  'test.lock-rate.v1': {
    schema: z.object({ currencyFrom: z.string().length(3), amount: z.string().regex(/^\d+(\.\d+)?$/) }),
    handle: async (p: { currencyFrom: string; amount: string }) => ({ locked: `${p.amount} ${p.currencyFrom}` }),
  },
  'test.whoami.v1': { schema: z.unknown(), handle: async () => ({ correlationId: currentCorrelationId(), deadline: currentDeadline() ?? null }) },
  'test.domain-failure.v1': {
    schema: z.unknown(),
    handle: async () => {
      throw new DomainError('USER_NOT_FOUND', 'no such user', { externalUserId: 'u-1' });
    },
  },
  'test.mapped-failure.v1': {
    schema: z.unknown(),
    handle: async () => {
      throw new RateLockedElsewhere('lock held');
    },
  },
  'test.crash.v1': {
    schema: z.unknown(),
    handle: async () => {
      throw new Error('connection to 10.0.0.5:5432 refused');
    },
  },
};

const dispatcher = new CommandDispatcher(TOPIC, handlers, (error) =>
  error instanceof RateLockedElsewhere ? { code: 'P100_REJECTED', message: error.message } : undefined,
);

function contextWithHeaders(headers: Record<string, string>): KafkaContext {
  const raw = { key: null, offset: '0', value: null, timestamp: '0', attributes: 0, size: 0, headers: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, Buffer.from(v)])) };
  return new KafkaContext([raw as never, 0, TOPIC, {} as never, async () => undefined, {} as never]);
}

describe('CommandDispatcher', () => {
  it('does not execute a command whose deadline has passed, and answers DEADLINE_EXCEEDED', async () => {
    let ran = false;
    const guarded = new CommandDispatcher(TOPIC, { 'test.move-money.v1': { schema: z.unknown(), handle: async () => (ran = true) } });
    const context = contextWithHeaders({ [MessageHeaders.deadline]: String(Date.now() - 5) });
    await expect(guarded.dispatch({ type: 'test.move-money.v1', payload: {} }, context)).resolves.toMatchObject({ ok: false, error: { code: 'DEADLINE_EXCEEDED' } });
    expect(ran).toBe(false);
  });

  it('runs a command before its deadline, with the deadline less the reply\'s margin in its context (P100 calls are bounded by it)', async () => {
    const deadline = Date.now() + 60_000;
    const context = contextWithHeaders({ [MessageHeaders.deadline]: String(deadline), [MessageHeaders.correlationId]: 'c-9' });
    await expect(dispatcher.dispatch({ type: 'test.whoami.v1', payload: {} }, context)).resolves.toEqual({ ok: true, data: { correlationId: 'c-9', deadline: deadline - REPLY_MARGIN_MS } });
    // Inside the margin it is too late to start: the reply would arrive after the caller left.
    const tooLate = contextWithHeaders({ [MessageHeaders.deadline]: String(Date.now() + REPLY_MARGIN_MS / 2) });
    await expect(dispatcher.dispatch({ type: 'test.whoami.v1', payload: {} }, tooLate)).resolves.toMatchObject({ ok: false, error: { code: 'DEADLINE_EXCEEDED' } });
    const malformed = contextWithHeaders({ [MessageHeaders.deadline]: 'soon' });
    await expect(dispatcher.dispatch({ type: 'test.whoami.v1', payload: {} }, malformed)).resolves.toMatchObject({ ok: true, data: { deadline: null } });
  });

  it('answers ok with the handler result for a valid command', async () => {
    await expect(dispatcher.dispatch({ type: 'test.lock-rate.v1', payload: { currencyFrom: 'EUR', amount: '10.25' } })).resolves.toEqual({
      ok: true,
      data: { locked: '10.25 EUR' },
    });
  });

  it('refuses a message that is not a {type, payload} envelope, and an unknown type, as VALIDATION_FAILED', async () => {
    await expect(dispatcher.dispatch('not an envelope')).resolves.toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    await expect(dispatcher.dispatch({ type: 'test.nope.v1', payload: {} })).resolves.toEqual({
      ok: false,
      error: { code: 'VALIDATION_FAILED', message: 'unknown command type test.nope.v1' },
    });
  });

  it('names the first invalid payload field', async () => {
    const reply = await dispatcher.dispatch({ type: 'test.lock-rate.v1', payload: { currencyFrom: 'EUR', amount: 10.25 } });
    expect(reply).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', details: { field: 'amount' } } });
    expect(!reply.ok && reply.error.message).toMatch(/^amount: /);
  });

  it('turns a DomainError into its code, message and details, and other errors through the error mapper', async () => {
    await expect(dispatcher.dispatch({ type: 'test.domain-failure.v1', payload: {} })).resolves.toEqual({
      ok: false,
      error: { code: 'USER_NOT_FOUND', message: 'no such user', details: { externalUserId: 'u-1' } },
    });
    await expect(dispatcher.dispatch({ type: 'test.mapped-failure.v1', payload: {} })).resolves.toEqual({
      ok: false,
      error: { code: 'P100_REJECTED', message: 'lock held' },
    });
  });

  it('answers an unexpected failure with INTERNAL and a generic message, keeping the cause for the log', async () => {
    const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    try {
      const reply = await dispatcher.dispatch({ type: 'test.crash.v1', payload: {} });
      expect(reply).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
      expect(JSON.stringify(reply)).not.toContain('10.0.0.5');
      expect(logged).toHaveBeenCalledWith(expect.objectContaining({ type: 'test.crash.v1', err: expect.any(Error) }), 'command handler failed');
    } finally {
      logged.mockRestore();
    }
  });

  it("runs the handler in the caller's correlation id from the Kafka headers", async () => {
    const context = contextWithHeaders({ [MessageHeaders.correlationId]: 'corr-from-gateway' });
    await expect(dispatcher.dispatch({ type: 'test.whoami.v1', payload: null }, context)).resolves.toEqual({
      ok: true,
      data: { correlationId: 'corr-from-gateway', deadline: null },
    });
  });

  it('gives a command from another transport (headers as plain strings) the same correlation, deadline and validation', async () => {
    const deadline = Date.now() + 60_000;
    const headers = { [MessageHeaders.correlationId]: 'c-lane', [MessageHeaders.deadline]: String(deadline) };
    await expect(dispatcher.dispatchWithHeaders({ type: 'test.whoami.v1', payload: {} }, headers)).resolves.toEqual({
      ok: true,
      data: { correlationId: 'c-lane', deadline: deadline - REPLY_MARGIN_MS },
    });
    await expect(dispatcher.dispatchWithHeaders({ type: 'test.whoami.v1', payload: {} }, { [MessageHeaders.deadline]: String(Date.now() - 1) })).resolves.toMatchObject({
      ok: false,
      error: { code: 'DEADLINE_EXCEEDED' },
    });
    await expect(dispatcher.dispatchWithHeaders({ type: 'test.nope.v1', payload: {} }, {})).resolves.toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
  });

  it('counts handled commands by topic and outcome', async () => {
    await dispatcher.dispatch({ type: 'test.domain-failure.v1', payload: {} });
    const text = await metricsRegistry.getSingleMetricAsString('kafka_messages_handled_total');
    expect(text).toMatch(new RegExp(`kafka_messages_handled_total\\{topic="${TOPIC}",outcome="USER_NOT_FOUND"\\} [1-9]`));
    expect(text).toMatch(new RegExp(`kafka_messages_handled_total\\{topic="${TOPIC}",outcome="ok"\\} [1-9]`));
  });
});
