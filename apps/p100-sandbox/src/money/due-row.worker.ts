import { Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import { queryOne } from '../database/sql';
import { Poller } from '../shared/poller';

const MAX_PER_TICK = 50;

/**
 * The one settlement loop of the money operations (exchanges, internal transfers, wallets): rows
 * with status 'PENDING' and a `due_at` are the queue, each is settled in its own transaction
 * (ledger movements, status, webhook together), and the poller sleeps until the next due row.
 * Claiming uses FOR UPDATE SKIP LOCKED, so replicas share the work and a crash mid-settlement
 * rolls back to PENDING.
 */
export abstract class DueRowWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  protected readonly logger: Logger;
  private readonly poller: Poller;

  protected constructor(
    protected readonly dataSource: DataSource,
    /** Table with `status` and `due_at` columns; a constant of the subclass, never input. */
    private readonly table: string,
    pollIntervalMs: number,
  ) {
    this.logger = new Logger(this.constructor.name);
    this.poller = new Poller({
      intervalMs: pollIntervalMs,
      tick: () => this.tick(),
      onError: (error) => this.logger.error({ err: error }, 'settlement tick failed'),
    });
  }

  /** Settles one claimed row inside `tx`. */
  protected abstract settle(tx: EntityManager, id: string): Promise<void>;

  onApplicationBootstrap(): void {
    this.poller.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.poller.stop();
  }

  /** Looks at the table now (a request just queued a row). */
  wake(): void {
    this.poller.wake();
  }

  private async tick(): Promise<number | null> {
    for (let i = 0; i < MAX_PER_TICK; i += 1) {
      if (!(await this.settleOne())) return this.msUntilNext();
    }
    return 0;
  }

  private settleOne(): Promise<boolean> {
    return this.dataSource.transaction(async (tx) => {
      const due = await queryOne<{ id: string }>(
        tx,
        `SELECT id FROM ${this.table} WHERE status = 'PENDING' AND due_at <= now()
          ORDER BY due_at LIMIT 1 FOR UPDATE SKIP LOCKED`,
      );
      if (!due) return false;
      await this.settle(tx, due.id);
      return true;
    });
  }

  private async msUntilNext(): Promise<number | null> {
    const row = await queryOne<{ ms: string | null }>(
      this.dataSource,
      `SELECT GREATEST(0, ceil(extract(epoch FROM min(due_at) - now()) * 1000))::text AS ms
         FROM ${this.table} WHERE status = 'PENDING'`,
    );
    return row?.ms == null ? null : Number(row.ms);
  }
}
