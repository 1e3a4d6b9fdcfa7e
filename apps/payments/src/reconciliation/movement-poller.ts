import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { MOVEMENT_KINDS } from '@platform/contracts';
import { counter, gauge } from '@platform/metrics';
import { PeriodicJob } from '@platform/service';
import { isFinal } from '../movements/movement-lifecycle';
import { MovementSettlement } from '../movements/movement-settlement';
import { MovementsRepository } from '../movements/movements.repository';
import type { MovementRow } from '../movements/movement';
import { PAYMENTS_CONFIG, type PaymentsConfig } from '../payments.config';
import { P100DetailsReader } from './p100-details.reader';

const checks = counter('payments_movement_checks_total', 'Reconciliation poller looks at P100, by kind and outcome (settled, no_change, unreadable, failed, marked_unknown, waiting, no_trace)', ['kind', 'outcome']);
const open = gauge('payments_movements_open', 'Movements without a final status, by kind', ['kind']);
const overdue = gauge('payments_movements_overdue', 'Movements still open after PAYMENTS_POLL_MAX_AGE_MS, by kind (alert: an operator must look)', ['kind']);

/**
 * Our payment sync: a movement with no final status some time after it was accepted (no webhook
 * came, or it was lost) is settled by reading P100's details endpoint, with backoff between looks.
 * A webhook arriving after a poll settled the movement changes nothing (statuses move forward
 * only). A movement still REQUESTED long after its call must have lost it (a crash): it becomes
 * UNKNOWN, never re-sent, and waits for P100's webhook to claim it by its terms.
 */
@Injectable()
export class MovementPoller implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('MovementPoller');
  private readonly job: PeriodicJob;

  constructor(
    private readonly dataSource: DataSource,
    private readonly movements: MovementsRepository,
    private readonly settlement: MovementSettlement,
    private readonly details: P100DetailsReader,
    @Inject(PAYMENTS_CONFIG) private readonly config: PaymentsConfig,
  ) {
    this.job = new PeriodicJob(config.PAYMENTS_POLL_INTERVAL_MS, () => this.pollOnce(), (error) =>
      this.logger.warn({ reason: error.message }, 'poller pass failed; next pass later'),
    );
  }

  onApplicationBootstrap(): void {
    this.job.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.job.stop();
  }

  /** One pass over the due movements; returns how many it settled. Tests call it directly. */
  async pollOnce(): Promise<number> {
    await this.markLostRequests();
    let settled = 0;
    for (const movement of await this.movements.dueForCheck(100)) {
      if (await this.check(movement)) settled += 1;
    }
    await this.measure();
    return settled;
  }

  private async check(movement: MovementRow): Promise<boolean> {
    if (movement.p100_id === null && movement.status === 'UNKNOWN' && this.noTraceSince(movement)) return this.giveUp(movement);
    if (movement.p100_id === null || !this.details.canRead(movement.kind)) {
      // Nothing to ask P100 by (an UNKNOWN has no P100 id): wait for its webhook, look again later.
      await this.movements.scheduleCheck(this.dataSource, movement.id, this.backoff(movement), true);
      checks.inc({ kind: movement.kind, outcome: 'waiting' });
      return false;
    }
    let record;
    try {
      record = await this.details.read(movement.kind, movement.p100_id);
    } catch (error) {
      this.logger.warn({ movementId: movement.id, kind: movement.kind, reason: (error as Error).message }, 'could not read the movement at P100; next look later');
      await this.movements.scheduleCheck(this.dataSource, movement.id, this.backoff(movement), true);
      checks.inc({ kind: movement.kind, outcome: 'failed' });
      return false;
    }
    return this.dataSource.transaction(async (manager) => {
      const locked = await this.movements.lock(manager, movement.id);
      if (!locked) return false;
      const result = record ? await this.settlement.apply(manager, locked, record, 'poll') : { movement: locked, moved: false };
      checks.inc({ kind: movement.kind, outcome: !record ? 'unreadable' : result.moved ? 'settled' : 'no_change' });
      if (!isFinal(result.movement.status)) await this.movements.scheduleCheck(manager, movement.id, this.backoff(movement), true);
      return result.moved;
    });
  }

  /**
   * An UNKNOWN movement (a 5xx or a timeout: P100 may or may not have acted) has no P100 id to
   * ask by, and P100 has no search by terms: only its webhook can claim it. When none came for
   * PAYMENTS_UNKNOWN_NO_TRACE_AFTER_MS, far past P100's processing and webhook retries, P100 did
   * not take it: it is FAILED (NO_TRACE_AT_P100) and its pending amount released, rather than
   * open for ever. Never re-sent: the caller decides whether to send a new request.
   */
  private noTraceSince(movement: MovementRow): boolean {
    return Date.now() - movement.created_at.getTime() >= this.config.PAYMENTS_UNKNOWN_NO_TRACE_AFTER_MS;
  }

  private async giveUp(movement: MovementRow): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const locked = await this.movements.lock(manager, movement.id);
      // A webhook claimed it meanwhile: it is P100's, and the normal path settles it.
      if (!locked || locked.status !== 'UNKNOWN' || locked.p100_id !== null) return false;
      const { moved } = await this.settlement.apply(
        manager,
        locked,
        { p100Id: null, p100Status: 'NO_TRACE', status: 'FAILED', failureCode: 'NO_TRACE_AT_P100', failureReason: 'P100 never confirmed this request and no webhook of it came; it was not executed' },
        'poll',
      );
      checks.inc({ kind: movement.kind, outcome: 'no_trace' });
      this.logger.warn({ movementId: movement.id, kind: movement.kind }, 'UNKNOWN movement with no trace at P100: FAILED (NO_TRACE_AT_P100), never re-sent');
      return moved;
    });
  }

  /** REQUESTED for longer than any call may take: the call was lost with its process. */
  private async markLostRequests(): Promise<void> {
    // Status and its history row together, as every other change of a movement writes them.
    const rows = await this.dataSource.transaction(async (manager) => {
      const [lost]: [Array<{ id: string; kind: string }>] = await manager.query(
        `UPDATE movements SET status = 'UNKNOWN', updated_at = now(), next_check_at = now()
          WHERE status = 'REQUESTED' AND request_id IS NOT NULL AND created_at < now() - make_interval(secs => $1::bigint / 1000.0)
          RETURNING id, kind`,
        [this.config.PAYMENTS_REQUEST_STALE_AFTER_MS],
      );
      for (const row of lost) await this.movements.recordTransition(manager, row.id, 'REQUESTED', 'UNKNOWN', 'poll', null);
      return lost;
    });
    for (const row of rows) {
      checks.inc({ kind: row.kind, outcome: 'marked_unknown' });
      this.logger.warn({ movementId: row.id, kind: row.kind }, 'movement lost its call to P100 (process ended before the answer): UNKNOWN, never re-sent');
    }
  }

  private backoff(movement: MovementRow): number {
    return Math.min(this.config.PAYMENTS_POLL_AFTER_MS * 2 ** Math.min(movement.checks, 20), this.config.PAYMENTS_POLL_MAX_INTERVAL_MS);
  }

  private async measure(): Promise<void> {
    const counts = await this.movements.openCounts(this.config.PAYMENTS_POLL_MAX_AGE_MS);
    for (const kind of MOVEMENT_KINDS) {
      open.set({ kind }, counts.filter((c) => c.kind === kind).reduce((n, c) => n + c.count, 0));
      overdue.set({ kind }, counts.find((c) => c.kind === kind && c.overdue)?.count ?? 0);
    }
  }

}
