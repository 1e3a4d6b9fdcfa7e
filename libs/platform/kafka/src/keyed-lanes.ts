import type { EachBatchPayload, KafkaMessage } from 'kafkajs';

export interface KeyedLanesOptions {
  /** Messages of different keys worked on at once, across all partitions. */
  limit: number;
  /** Messages taken from Kafka but not yet done, across all partitions, before fetching pauses. */
  maxBuffered?: number;
  /**
   * Commits, in one request, the next offset to read of each partition whose done watermark moved;
   * one call in flight at a time, so the watermarks that move meanwhile leave together next.
   */
  commit: (offsets: CommitOffset[]) => Promise<void>;
  /**
   * The least time between two commit calls (default 0: as soon as the previous one is answered).
   * A longer one saves a broker round trip per message when messages come one at a time, and a
   * crash then redelivers at most that much more finished work, which the inbox dedupes anyway.
   */
  commitIntervalMs?: number;
  /** A failed message is retried in its lane after this long (doubling, up to 30 s). */
  retryDelayMs?: number;
  log?: { warn(message: string, error: unknown): void };
}

/** A partition's next offset to read, as kafkajs's commitOffsets takes it. */
export interface CommitOffset {
  topic: string;
  partition: number;
  offset: string;
}

/** The key of a partition's work in the lanes' map. */
const partitionKey = (topic: string, partition: number): string => `${topic}\u0000${partition}`;

type Payload = Pick<EachBatchPayload, 'batch' | 'resolveOffset' | 'heartbeat' | 'isRunning' | 'isStale'>;

/** How far a partition's done work is behind its end, as of the last batch fetched from it. */
export interface PartitionLag {
  topic: string;
  partition: number;
  /** Messages on the partition not yet done here: taken and still running, or not fetched yet. */
  messages: number;
}

/** One partition's work: lanes per key, and the offsets taken but not yet done. */
class PartitionWork {
  readonly lanes = new Map<string, Promise<void>>();
  /** Offsets in the order they were taken; done ones are dropped from the front. */
  readonly pending: string[] = [];
  readonly done = new Set<string>();
  highest: bigint = -1n;
  /** The done watermark: what this partition's next commit stores (null until something is done). */
  nextCommit: string | null = null;
  /** The partition's end (next offset to be written) in the last batch; null until a batch says. */
  highWatermark: bigint | null = null;

  constructor(
    readonly topic: string,
    readonly partition: number,
  ) {}

  /** The high watermark minus the first offset not done (what a commit now would store). */
  lag(): number | null {
    if (this.highWatermark === null) return null;
    const nextToDo = this.pending.length > 0 ? BigInt(this.pending[0]!) : this.highest + 1n;
    const behind = this.highWatermark - nextToDo;
    return behind > 0n ? Number(behind) : 0;
  }
}

/**
 * Work on a partition's messages concurrently across keys, in order within a key, without
 * holding up the fetch loop.
 *
 * kafkajs fetches the next batches of a broker only when the handlers of the previous ones have
 * returned; one slow message (a P100 call waiting out its timeout) would hold every partition of
 * that broker. So a batch is only taken in here: each message joins the lane of its key (one
 * user's messages one after another, in offset order), and the batch returns at once, its
 * offsets resolved so that fetching goes on. Offsets are committed by us, and only up to the
 * first message not yet done, so a crash redelivers exactly what was not finished. Taking is
 * paused while `maxBuffered` messages are open, which bounds memory and the work behind a hang.
 */
export class KeyedLanes {
  private active = 0;
  private readonly waiting: Array<() => void> = [];
  private readonly partitions = new Map<string, PartitionWork>();
  private buffered = 0;
  private readonly drained: Array<() => void> = [];
  private readonly maxBuffered: number;
  private taking = true;
  /** Partitions whose watermark is to be committed, and the commit call in flight, if any. */
  private readonly toCommit = new Set<PartitionWork>();
  private committing: Promise<void> | null = null;
  private commitTimer: NodeJS.Timeout | null = null;
  private lastCommitAt = 0;
  private readonly commitIntervalMs: number;

  constructor(private readonly options: KeyedLanesOptions) {
    if (!(options.limit >= 1)) throw new RangeError('KeyedLanes: limit must be at least 1');
    this.maxBuffered = options.maxBuffered ?? options.limit * 16;
    this.commitIntervalMs = options.commitIntervalMs ?? 0;
  }

  /** Messages taken and not yet done (a gauge for operators, and tests). */
  get open(): number {
    return this.buffered;
  }

  /**
   * Per partition held: messages behind the partition's end. kafkajs skips empty fetches, so the
   * end is the one the last non-empty batch carried; a partition with nothing new is not behind.
   */
  lag(): PartitionLag[] {
    const lags: PartitionLag[] = [];
    for (const work of this.partitions.values()) {
      const messages = work.lag();
      if (messages !== null) lags.push({ topic: work.topic, partition: work.partition, messages });
    }
    return lags;
  }

  /** The eachBatch handler: takes the batch into the lanes and returns when there is room for more. */
  async take(payload: Payload, handle: (message: KafkaMessage) => Promise<void>): Promise<void> {
    const { batch } = payload;
    // Shutting down: leave the batch unresolved; it is fetched again by whoever owns it next.
    if (!this.taking) return;
    const id = partitionKey(batch.topic, batch.partition);
    let work = this.partitions.get(id);
    if (!work) this.partitions.set(id, (work = new PartitionWork(batch.topic, batch.partition)));
    // Unit tests' batches may carry no watermark; a real fetch always does.
    if (batch.highWatermark !== undefined) {
      const end = BigInt(batch.highWatermark);
      if (work.highWatermark === null || end > work.highWatermark) work.highWatermark = end;
    }
    let handedAgain = false;
    for (const message of batch.messages) {
      // kafkajs hands us again what we already hold after a rebalance, or after its consumer
      // restarted from the group's stored offset when our commits failed (a whole-cluster outage):
      // it runs once, but is resolved, or kafkajs fetches that batch again for ever. (Seen in fault
      // scenario a: two partitions stuck, the consumer spinning on their first batch.)
      if (BigInt(message.offset) <= work.highest) {
        handedAgain = true;
        payload.resolveOffset(message.offset);
        continue;
      }
      work.highest = BigInt(message.offset);
      work.pending.push(message.offset);
      this.buffered += 1;
      const key = message.key === null ? `offset:${message.offset}` : message.key.toString('latin1');
      const previous = work.lanes.get(key) ?? Promise.resolve();
      const next = previous.then(() => this.run(work, batch.topic, batch.partition, message, handle));
      work.lanes.set(key, next);
      void next.then(() => {
        if (work.lanes.get(key) === next) work.lanes.delete(key);
      });
      payload.resolveOffset(message.offset);
    }
    // Handed again from below what we hold: the group's stored offset may be behind our done
    // watermark (its commit failed). Store ours again, or a restart would redo all of it.
    if (handedAgain && work.nextCommit !== null) this.requestCommit(work);
    await payload.heartbeat();
    while (this.taking && this.buffered >= this.maxBuffered && payload.isRunning() && !payload.isStale()) {
      await new Promise<void>((resolve) => this.drained.push(resolve));
    }
  }

  /** Shutdown: take no more batches; what was taken still finishes (see idle). */
  stopTaking(): void {
    this.taking = false;
    for (const wake of this.drained.splice(0)) wake();
  }

  /** Resolves once every message taken so far is done (shutdown, tests). */
  async idle(): Promise<void> {
    for (const work of this.partitions.values()) await Promise.all(work.lanes.values());
  }

  /** Commits every moved watermark now, without waiting out the interval (shutdown, after idle()). */
  async flushCommits(): Promise<void> {
    for (;;) {
      if (this.commitTimer) {
        clearTimeout(this.commitTimer);
        this.commitTimer = null;
      }
      if (this.committing) await this.committing;
      else if (this.toCommit.size > 0) await this.startCommit();
      else return;
    }
  }

  /** Forget a partition we no longer own: its lanes finish, its commits are no longer ours. */
  forget(topic: string, partition: number): void {
    // Its watermark may still wait in toCommit (and its lanes may still add to it): startCommit skips it.
    this.partitions.delete(partitionKey(topic, partition));
  }

  private async run(work: PartitionWork, topic: string, partition: number, message: KafkaMessage, handle: (m: KafkaMessage) => Promise<void>): Promise<void> {
    let delay = this.options.retryDelayMs ?? 500;
    for (;;) {
      await this.acquire();
      try {
        await handle(message);
        break;
      } catch (error) {
        // The lane waits and tries again: later messages of this key must not overtake it.
        this.options.log?.warn(`${topic}[${partition}]@${message.offset} failed; retrying in ${delay} ms`, error);
      } finally {
        this.releaseSlot();
      }
      await new Promise((resolve) => setTimeout(resolve, delay).unref());
      delay = Math.min(delay * 2, 30_000);
    }
    work.done.add(message.offset);
    this.buffered -= 1;
    for (const wake of this.drained.splice(0)) wake();
    this.advance(work);
  }

  /** Moves the partition's watermark past every done offset at its front and commits it. */
  private advance(work: PartitionWork): void {
    let last: string | undefined;
    while (work.pending.length > 0 && work.done.has(work.pending[0]!)) {
      last = work.pending.shift()!;
      work.done.delete(last);
    }
    if (last === undefined) return;
    work.nextCommit = (BigInt(last) + 1n).toString();
    this.requestCommit(work);
  }

  private requestCommit(work: PartitionWork): void {
    this.toCommit.add(work);
    this.scheduleCommit();
  }

  /** Starts the next commit call once the previous one is answered and the interval has passed. */
  private scheduleCommit(): void {
    if (this.committing || this.commitTimer || this.toCommit.size === 0) return;
    const wait = this.lastCommitAt + this.commitIntervalMs - Date.now();
    if (wait > 0) {
      this.commitTimer = setTimeout(() => {
        this.commitTimer = null;
        this.scheduleCommit();
      }, wait);
      this.commitTimer.unref();
      return;
    }
    void this.startCommit();
  }

  /** One commit call with the watermarks of every partition still ours that moved. */
  private startCommit(): Promise<void> {
    const works = [...this.toCommit].filter((w) => this.partitions.get(partitionKey(w.topic, w.partition)) === w);
    this.toCommit.clear();
    const offsets = works.map((w) => ({ topic: w.topic, partition: w.partition, offset: w.nextCommit! }));
    this.lastCommitAt = Date.now();
    const call = offsets.length === 0 ? Promise.resolve() : new Promise<void>((resolve) => resolve(this.options.commit(offsets)));
    this.committing = call
      .catch((error) => {
        // Rebalancing, or a partition is no longer ours: the next owner starts from the last commit.
        this.options.log?.warn(`commit of ${offsets.map((o) => `${o.topic}[${o.partition}] at ${o.offset}`).join(', ')} failed`, error);
      })
      .finally(() => {
        this.committing = null;
        this.scheduleCommit();
      });
    return this.committing;
  }

  private async acquire(): Promise<void> {
    if (this.active < this.options.limit) {
      this.active += 1;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  private releaseSlot(): void {
    const wake = this.waiting.shift();
    if (wake) wake();
    else this.active -= 1;
  }
}
