import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { DomainError, type MovementKind, type MovementView } from '@platform/contracts';
import { hashRequest } from '@platform/database';
import { classifyP100Failure, P100Client, p100ErrorToReply, type OperationName } from '@platform/p100-client';
import { toMovementView, type MovementRow } from './movement';
import { MovementSettlement } from './movement-settlement';
import { MovementsRepository, type NewMovement } from './movements.repository';

/** One money movement to request from P100, as a command handler describes it. */
export interface MovementRequest {
  kind: MovementKind;
  /** <caller>:<Idempotency-Key>: the movement's identity on our side. */
  requestId: string;
  /** The validated command without its requestId: the same id with other terms is refused. */
  terms: Record<string, unknown>;
  externalUserId: string | null;
  amount: string;
  currency: string;
  /** Known before P100 answers only when a lock fixed it (an order's EUR settlement). */
  amountTo?: string;
  currencyTo?: string;
  counterparty?: string;
  lockId?: string;
  /** The P100 operation, so an open breaker is answered before anything is written. */
  operation: OperationName;
  /** Runs in the transaction that records the movement, e.g. to consume a rate lock; throws to refuse. */
  reserve?: (manager: EntityManager, movementId: string) => Promise<void>;
  /** Gives back what `reserve` took when P100 did not take the movement. */
  unreserve?: (manager: EntityManager, movementId: string) => Promise<void>;
  /** The P100 call; `url`: the page P100 created for the payer (payment links). */
  call: () => Promise<{ p100Id: string; url?: string }>;
}

/**
 * The one path of every money movement we start (docs/payments.md):
 * 1. a repeat of the request id (Kafka redelivery, a retry after a lost reply) gets the movement
 *    as it is, and P100 is not called again;
 * 2. otherwise the movement is recorded as REQUESTED, with its request id, before P100 is called;
 * 3. P100's answer moves it: accepted → PENDING with P100's id; refused → FAILED with P100's code;
 *    provably not sent → forgotten, so the caller may retry; ambiguous (timeout, reset after
 *    sending) → UNKNOWN, settled by a webhook or by asking P100, never by sending it again.
 */
@Injectable()
export class MovementExecutor {
  private readonly logger = new Logger('MovementExecutor');

  constructor(
    private readonly dataSource: DataSource,
    private readonly movements: MovementsRepository,
    private readonly settlement: MovementSettlement,
    private readonly p100: P100Client,
  ) {}

  async execute(request: MovementRequest): Promise<MovementView> {
    const requestHash = hashRequest({ kind: request.kind, terms: request.terms });
    try {
      // While P100's endpoints for this are failing, answer at once and write nothing; a repeat
      // of a request recorded earlier still gets its movement.
      this.p100.failFastIfOpen(request.operation);
    } catch (open) {
      const existing = await this.movements.findByRequestId(request.requestId);
      if (existing) return this.replay(existing, requestHash);
      throw open;
    }

    const movement: NewMovement = {
      id: randomUUID(),
      kind: request.kind,
      externalUserId: request.externalUserId,
      requestId: request.requestId,
      requestHash,
      status: 'REQUESTED',
      amount: request.amount,
      currency: request.currency,
      amountTo: request.amountTo ?? null,
      currencyTo: request.currencyTo ?? null,
      counterparty: request.counterparty ?? null,
      lockId: request.lockId ?? null,
    };
    // Recorded before P100 is called. The insert is one statement; a transaction only when
    // something is reserved with it. A repeat of the request id inserts nothing.
    const { reserve } = request;
    const recorded = reserve
      ? await this.dataSource.transaction(async (manager) => {
          const row = await this.movements.insert(manager, movement);
          if (row) await reserve(manager, row.id);
          return row;
        })
      : await this.movements.insert(this.dataSource, movement);
    // A repeat (Kafka redelivery, a retry after a lost reply), or a concurrent delivery of the same request that recorded it first.
    if (!recorded) return this.replay((await this.movements.findByRequestId(request.requestId))!, requestHash);

    let accepted: { p100Id: string; url?: string };
    try {
      accepted = await request.call();
    } catch (error) {
      return this.failed(recorded, request, error);
    }
    const report = { p100Id: accepted.p100Id, p100Status: 'ACCEPTED', status: 'PENDING', url: accepted.url } as const;
    return this.dataSource.transaction(async (manager) => {
      // Usually still as we recorded it; if a webhook or the poller moved it first, the locked path decides.
      const settled =
        (await this.settlement.applyIfUnchanged(manager, recorded, report, 'request')) ??
        (await this.settlement.apply(manager, (await this.movements.lock(manager, recorded.id))!, report, 'request'));
      return toMovementView(settled.movement);
    });
  }

  private async failed(movement: MovementRow, request: MovementRequest, error: unknown): Promise<MovementView> {
    const failure = classifyP100Failure(error);
    if (failure.kind === 'unknown') {
      this.logger.warn({ movementId: movement.id, kind: movement.kind, reason: failure.message }, 'P100 may have taken the movement; it is UNKNOWN until a webhook or P100 tells');
      const view = await this.dataSource.transaction(async (manager) => {
        const locked = (await this.movements.lock(manager, movement.id))!;
        if (locked.status !== 'REQUESTED') return toMovementView(locked);
        await manager.query(`UPDATE movements SET status = 'UNKNOWN', updated_at = now(), next_check_at = now() WHERE id = $1`, [movement.id]);
        await this.movements.recordTransition(manager, movement.id, 'REQUESTED', 'UNKNOWN', 'request', null);
        return toMovementView({ ...locked, status: 'UNKNOWN', updated_at: new Date() });
      });
      return view;
    }
    await this.dataSource.transaction(async (manager) => {
      await request.unreserve?.(manager, movement.id);
      if (failure.kind === 'not_sent') return this.movements.forget(manager, movement.id);
      // Refused by P100 (a business error): kept as FAILED, so a repeat gets the same answer.
      const reply = p100ErrorToReply(error);
      await manager.query(
        `UPDATE movements SET status = 'FAILED', failure_code = $2, failure_reason = $3, updated_at = now(), settled_at = now() WHERE id = $1 AND status = 'REQUESTED'`,
        [movement.id, reply?.code ?? failure.code, (reply?.message ?? failure.message).slice(0, 500)],
      );
      await this.movements.recordTransition(manager, movement.id, 'REQUESTED', 'FAILED', 'request', reply?.details?.['p100Code'] as string | undefined ?? null);
    });
    throw error;
  }

  private replay(existing: MovementRow, requestHash: string): MovementView {
    if (existing.request_hash !== requestHash) {
      throw new DomainError('IDEMPOTENCY_KEY_REUSED', `request ${existing.request_id} was made with other terms`);
    }
    if (existing.status === 'REQUESTED') {
      throw new DomainError('IDEMPOTENCY_REQUEST_IN_PROGRESS', `request ${existing.request_id} is being sent to P100; ask again shortly`);
    }
    // Refused when requested: the same refusal again (P100 is not asked twice).
    if (existing.status === 'FAILED' && existing.p100_id === null && existing.failure_code) {
      throw new DomainError(existing.failure_code, existing.failure_reason ?? 'P100 refused this request');
    }
    return toMovementView(existing);
  }
}
