import type { DataSource, EntityManager } from 'typeorm';
import { msUntilEarliest, query, queryOne, type Sql } from '../database/sql';
import { PolledWorker } from './polled-worker';

const MAX_PER_TICK = 50;

export interface DueRow {
  id: string;
}

/** Where a worker's due rows come from: a table (or a repository) that is the queue. */
export interface DueQueue<Row extends DueRow = DueRow> {
  /** The table the rows live in: a write to it wakes the worker. */
  readonly table: string;
  /** Locks one due row in `tx` (FOR UPDATE SKIP LOCKED, so replicas share the work), or none. */
  claim(tx: EntityManager): Promise<Row | undefined>;
  /** Milliseconds until the next row falls due, or null when nothing is queued. */
  msUntilNext(db: Sql): Promise<number | null>;
}

/**
 * The one "process due rows" loop of the sandbox (money settlement, SEPA, crypto, orders, payment
 * links, KYC sessions, POA reviews and KYC decisions; they differ only in the queue and in what
 * one row's processing does). Each claimed row is processed in its own transaction together with
 * its claim, so a crash mid-way rolls back and the row is due again; rows are the source of
 * truth, so work queued before a restart runs after it.
 */
export abstract class DueRowWorker<Row extends DueRow = DueRow> extends PolledWorker {
  protected constructor(
    protected readonly dataSource: DataSource,
    private readonly queue: DueQueue<Row>,
    pollIntervalMs: number,
  ) {
    super(pollIntervalMs, [queue.table]);
  }

  /** Processes one claimed row inside `tx` (ledger movements, status, webhooks together). */
  protected abstract process(tx: EntityManager, row: Row): Promise<void>;

  protected async tick(): Promise<number | null> {
    for (let i = 0; i < MAX_PER_TICK; i += 1) {
      if (!(await this.processOne())) return this.queue.msUntilNext(this.dataSource);
    }
    return 0;
  }

  private processOne(): Promise<boolean> {
    return this.dataSource.transaction(async (tx) => {
      const due = await this.queue.claim(tx);
      if (!due) return false;
      await this.process(tx, due);
      return true;
    });
  }
}

/**
 * Rows with status 'PENDING' and a `due_at` (exchanges, transfers, wallets, KYC sessions, POA
 * reviews): a row stays due until processing gives it another status. `table` is a constant of
 * the caller, never input.
 */
export function pendingRows(table: string): DueQueue {
  return {
    table,
    claim: (tx) =>
      queryOne<DueRow>(tx, `SELECT id FROM ${table} WHERE status = 'PENDING' AND due_at <= now() ORDER BY due_at LIMIT 1 FOR UPDATE SKIP LOCKED`),
    msUntilNext: (db) => msUntilEarliest(db, table, 'due_at', `status = 'PENDING'`),
  };
}

/**
 * Rows that go through several steps (SEPA, crypto, orders, payment links): a row is due when
 * its `next_step_at` has passed; claiming clears it, and processing schedules the next step by
 * setting it again (see `dueIn` in database/sql.ts). `table` is a constant of the caller, never input.
 */
export function scheduledSteps(table: string): DueQueue {
  return {
    table,
    claim: async (tx) => {
      const due = await queryOne<DueRow>(
        tx,
        `SELECT id FROM ${table} WHERE next_step_at <= now() ORDER BY next_step_at LIMIT 1 FOR UPDATE SKIP LOCKED`,
      );
      if (due) await query(tx, `UPDATE ${table} SET next_step_at = NULL, updated_at = now() WHERE id = $1`, [due.id]);
      return due;
    },
    msUntilNext: (db) => msUntilEarliest(db, table, 'next_step_at', 'next_step_at IS NOT NULL'),
  };
}
