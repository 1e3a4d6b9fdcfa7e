import type { DataSource } from 'typeorm';
import { hashRequest } from '@platform/database';
import { P100CircuitOpenError, type P100Client } from '@platform/p100-client';
import { MovementExecutor, type MovementRequest } from './movement-executor';
import type { MovementRow } from './movement';
import type { MovementSettlement } from './movement-settlement';
import type { MovementsRepository } from './movements.repository';

// The executor's order of steps with its ports stubbed; the SQL behind them runs in the payments
// e2e suite on real Postgres.
const row = (overrides: Partial<MovementRow>): MovementRow => ({
  id: 'm-1', kind: 'transfer-from-partner', external_user_id: 'user-1', request_id: 'bench:key-1', request_hash: '', status: 'PENDING', amount: '0.01', currency: 'eur',
  amount_to: null, currency_to: null, fee: null, fee_currency: null, p100_id: 'tr-1', p100_status: 'ACCEPTED', counterparty: null, transaction_hash: null,
  url: null, lock_id: null, failure_code: null, failure_reason: null, created_at: new Date(0), updated_at: new Date(0), settled_at: null, checks: 0, ...overrides,
});

function executorWith({ breakerOpen = false }: { breakerOpen?: boolean } = {}) {
  const movements = {
    findByRequestId: jest.fn(async (): Promise<MovementRow | undefined> => undefined),
    insert: jest.fn(async (_db: unknown, m: { id: string }): Promise<MovementRow | null> => row({ id: m.id, status: 'REQUESTED', p100_id: null })),
  };
  const p100 = {
    failFastIfOpen: jest.fn(() => {
      if (breakerOpen) throw new P100CircuitOpenError('transfers', 'createInternalTransfer');
    }),
  };
  const dataSource = { transaction: jest.fn() };
  const executor = new MovementExecutor(dataSource as unknown as DataSource, movements as unknown as MovementsRepository, {} as MovementSettlement, p100 as unknown as P100Client);
  const call = jest.fn(async () => ({ p100Id: 'tr-1' }));
  const request: MovementRequest = {
    kind: 'transfer-from-partner', requestId: 'bench:key-1', terms: { externalUserId: 'user-1', amount: '0.01', currency: 'eur' },
    externalUserId: 'user-1', amount: '0.01', currency: 'eur', operation: 'createInternalTransfer', call,
  };
  return { executor, movements, dataSource, call, request };
}

describe('MovementExecutor', () => {
  it('records a new request with one insert, outside any transaction when nothing is reserved, before P100 is called', async () => {
    const { executor, movements, dataSource, call, request } = executorWith();
    dataSource.transaction.mockResolvedValueOnce({ movementId: 'm-new' });
    await executor.execute(request);
    expect(movements.findByRequestId).not.toHaveBeenCalled();
    expect(movements.insert).toHaveBeenCalledTimes(1);
    expect(movements.insert.mock.calls[0]![0]).toBe(dataSource);
    expect(movements.insert.mock.invocationCallOrder[0]).toBeLessThan(call.mock.invocationCallOrder[0]!);
    // The one transaction is the one that settles P100's answer.
    expect(dataSource.transaction).toHaveBeenCalledTimes(1);
  });

  const recordedAs = (request: MovementRequest) => row({ request_hash: hashRequest({ kind: request.kind, terms: request.terms }) });

  it('answers a repeat of the request id with the movement as it is, and does not call P100 again', async () => {
    const { executor, request, call, movements } = executorWith();
    movements.insert.mockResolvedValueOnce(null);
    movements.findByRequestId.mockResolvedValueOnce(recordedAs(request));
    await expect(executor.execute(request)).resolves.toMatchObject({ movementId: 'm-1', status: 'PENDING' });
    expect(call).not.toHaveBeenCalled();
  });

  it('refuses a repeat of the request id with other terms (IDEMPOTENCY_KEY_REUSED)', async () => {
    const { executor, request, call, movements } = executorWith();
    movements.insert.mockResolvedValueOnce(null);
    movements.findByRequestId.mockResolvedValueOnce(recordedAs({ ...request, terms: { ...request.terms, amount: '0.02' } }));
    await expect(executor.execute(request)).rejects.toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
    expect(call).not.toHaveBeenCalled();
  });

  it('with the breaker open: still replays a recorded request, and refuses a new one without writing anything', async () => {
    const recorded = executorWith({ breakerOpen: true });
    recorded.movements.findByRequestId.mockResolvedValueOnce(recordedAs(recorded.request));
    await expect(recorded.executor.execute(recorded.request)).resolves.toMatchObject({ movementId: 'm-1' });
    expect(recorded.call).not.toHaveBeenCalled();

    const fresh = executorWith({ breakerOpen: true });
    await expect(fresh.executor.execute(fresh.request)).rejects.toBeInstanceOf(P100CircuitOpenError);
    expect(fresh.movements.insert).not.toHaveBeenCalled();
    expect(fresh.call).not.toHaveBeenCalled();
  });
});
