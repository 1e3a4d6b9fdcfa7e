import type { CardsSecureLane } from '../cards/cards-secure-lane';
import { z } from 'zod';
import { DomainError } from '@platform/contracts';
import type { AuthenticatedClient } from '../access/client-registry';
import type { GatewayConfig } from '../gateway.config';
import type { IdempotencyService } from '../idempotency/idempotency.service';
import type { GatewayCommandBus } from '../messaging/command-bus.provider';
import { defineOperation, type CallContext, type IdempotencyPolicy } from './operation';
import { OperationInvoker } from './operation-invoker';

const client: AuthenticatedClient = { name: 'payouts', keyId: 'k1', scopes: new Set(['payments:write']) };

function setup(idempotency: IdempotencyPolicy) {
  const seen: CallContext[] = [];
  const operation = defineOperation({
    name: 'payments.test',
    tag: 'payments',
    summary: 'test',
    scope: 'payments:write',
    idempotency,
    input: z.strictObject({ amount: z.string() }),
    output: z.object({ ok: z.boolean() }),
    rest: { method: 'POST', path: '/v1/test', successStatus: 201 },
    grpc: { service: 'PaymentsService', method: 'Test' },
    handler: async (_input, context) => {
      seen.push(context);
      return { ok: true };
    },
  });
  const runs: string[] = [];
  const idempotencyService = {
    run: async (_caller: string, key: string | undefined, _fp: unknown, status: number, fn: () => Promise<unknown>) => {
      runs.push(String(key));
      return { status, body: await fn() };
    },
  } as unknown as IdempotencyService;
  const config = { GATEWAY_COMMAND_TIMEOUT_MS: 15_000 } as GatewayConfig;
  const invoker = new OperationInvoker(config, idempotencyService, {} as GatewayCommandBus, {} as CardsSecureLane);
  return { invoker, operation, seen, runs };
}

describe('OperationInvoker', () => {
  it('refuses a required-idempotency operation without a key, before validating or running it', async () => {
    const { invoker, operation, seen } = setup('required');
    const refused = invoker.invoke(operation, { edge: 'grpc', client, input: {} });
    await expect(refused).rejects.toMatchObject({ code: 'IDEMPOTENCY_KEY_REQUIRED', details: { field: 'Idempotency-Key' } });
    await expect(refused).rejects.toThrow(/payments\.test .*Idempotency-Key/);
    expect(seen).toHaveLength(0);
  });

  it('hands the caller\'s Idempotency-Key to the handler (movements pass it on as their requestId)', async () => {
    const { invoker, operation, seen } = setup('required');
    await invoker.invoke(operation, { edge: 'rest', client, input: { amount: '1' }, idempotencyKey: 'k-2' });
    expect(seen[0]).toMatchObject({ caller: 'payouts', idempotencyKey: 'k-2' });
  });

  it('runs a keyed call through the idempotency store with the success status', async () => {
    const { invoker, operation, runs } = setup('required');
    const result = await invoker.invoke(operation, { edge: 'rest', client, input: { amount: '1.10' }, idempotencyKey: 'k-1' });
    expect(result).toEqual({ status: 201, body: { ok: true } });
    expect(runs).toEqual(['k-1']);
  });

  it('validates input and names the field', async () => {
    const { invoker, operation } = setup('optional');
    await expect(invoker.invoke(operation, { edge: 'rest', client, input: { amount: 1.1 } })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: expect.objectContaining({ field: 'amount' }),
    });
  });

  it('gives the handler the lesser of its own timeout and the caller\'s deadline', async () => {
    const { invoker, operation, seen } = setup('optional');
    await invoker.invoke(operation, { edge: 'grpc', client, input: { amount: '1' }, deadline: Date.now() + 2_000 });
    await invoker.invoke(operation, { edge: 'grpc', client, input: { amount: '1' }, deadline: Date.now() + 60_000 });
    await invoker.invoke(operation, { edge: 'rest', client, input: { amount: '1' } });
    expect(seen[0]!.timeoutMs).toBeGreaterThan(1_500);
    expect(seen[0]!.timeoutMs).toBeLessThanOrEqual(2_000);
    expect(seen[1]!.timeoutMs).toBe(15_000);
    expect(seen[2]!.timeoutMs).toBe(15_000);
    expect(seen[0]!.caller).toBe('payouts');
  });

  it('does not start a call whose deadline has passed', async () => {
    const { invoker, operation, seen } = setup('optional');
    const error = await invoker.invoke(operation, { edge: 'grpc', client, input: { amount: '1' }, deadline: Date.now() - 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('DEADLINE_EXCEEDED');
    expect(seen).toHaveLength(0);
  });

  it('never stores a read: no idempotency store, even when a key is sent', async () => {
    const { invoker, operation, runs } = setup('none');
    await invoker.invoke(operation, { edge: 'rest', client, input: { amount: '1' }, idempotencyKey: 'ignored' });
    expect(runs).toEqual([]);
  });
});
