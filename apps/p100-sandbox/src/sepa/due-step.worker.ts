import { Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import { query, queryOne } from '../database/sql';
import { Poller } from '../shared/poller';

const MAX_PER_TICK = 50;

/**
 * The one worker behind every asynchronous money movement of SEPA, crypto, orders and payment
 * links (they differ only in the table and in what one step does). A row is due when its
 * `next_step_at` has passed; the worker claims it (`FOR UPDATE SKIP LOCKED`, so replicas share
 * the work), clears `next_step_at` and lets the subclass advance it in the same transaction; the
 * subclass schedules the next step by setting `next_step_at` again. Rows are the source of truth,
 * so steps scheduled before a restart run after it.
 */
export abstract class DueStepWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  protected readonly logger: Logger;
  private readonly poller: Poller;

  protected constructor(
    protected readonly dataSource: DataSource,
    private readonly table: string,
    pollIntervalMs: number,
  ) {
    this.logger = new Logger(new.target.name);
    this.poller = new Poller({
      intervalMs: pollIntervalMs,
      tick: () => this.tick(),
      onError: (error) => this.logger.error({ err: error }, `${table} step failed`),
    });
  }

  /** Advances one due row (already locked, `next_step_at` already cleared) in `tx`. */
  protected abstract advance(tx: EntityManager, id: string): Promise<void>;

  onApplicationBootstrap(): void {
    this.poller.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.poller.stop();
  }

  private async tick(): Promise<number | null> {
    for (let i = 0; i < MAX_PER_TICK; i += 1) {
      if (!(await this.advanceOne())) return this.msUntilNextStep();
    }
    return 0;
  }

  private advanceOne(): Promise<boolean> {
    return this.dataSource.transaction(async (tx) => {
      const due = await queryOne<{ id: string }>(
        tx,
        `SELECT id FROM ${this.table} WHERE next_step_at <= now() ORDER BY next_step_at LIMIT 1 FOR UPDATE SKIP LOCKED`,
      );
      if (!due) return false;
      await query(tx, `UPDATE ${this.table} SET next_step_at = NULL, updated_at = now() WHERE id = $1`, [due.id]);
      await this.advance(tx, due.id);
      return true;
    });
  }

  private async msUntilNextStep(): Promise<number | null> {
    const row = await queryOne<{ ms: number | null }>(
      this.dataSource,
      `SELECT GREATEST(0, EXTRACT(EPOCH FROM (min(next_step_at) - now())) * 1000)::float8 AS ms
         FROM ${this.table} WHERE next_step_at IS NOT NULL`,
    );
    return row?.ms ?? null;
  }
}

/** SQL for "now + the scaled delay", with the delay as parameter `$n` in milliseconds. */
export const dueIn = (param: string) => `now() + make_interval(secs => ${param}::double precision / 1000)`;
