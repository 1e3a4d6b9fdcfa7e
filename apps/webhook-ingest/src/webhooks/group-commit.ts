/**
 * Group commit: requests that arrive together share one commit. The classic loop — commit at once
 * when nothing is being committed; while a commit is under way, the requests that arrive wait for
 * it and go together in the next one. The wait is therefore as long as one commit, no longer, and
 * adapts by itself: at low load every request commits alone, under load the batches grow. A second
 * commit may start beside a slow one once the oldest waiting request has waited `maxWaitMs`.
 *
 * Each caller's promise settles only with the commit that holds its item: nobody hears "done"
 * before that. A batch that fails is retried item by item, so one bad item fails only itself. The
 * queue is bounded (items and bytes): beyond it `submit` refuses at once (GroupCommitFullError)
 * instead of holding memory while the database is slow.
 */
export interface GroupCommitOptions<T, R> {
  /** Commits `items` in one transaction; one result per item, in order. Throws if nothing committed. */
  commit: (items: T[]) => Promise<R[]>;
  /** Items per commit. */
  maxBatch: number;
  /** Commits under way at once. */
  maxInFlight: number;
  /** How long the oldest waiting item waits for the commit under way before a second one starts. */
  maxWaitMs: number;
  /** Items waiting (not yet in a commit) beyond which `submit` refuses. */
  maxQueue: number;
  /** Bytes of waiting items beyond which `submit` refuses. */
  maxQueueBytes: number;
  /** Told after every commit attempt (metrics). */
  onCommit?: (event: { size: number; seconds: number; ok: boolean; fallback: boolean }) => void;
  now?: () => number;
}

/** The queue is full: the caller should answer "try again later" (503 + Retry-After). */
export class GroupCommitFullError extends Error {
  constructor(readonly reason: 'items' | 'bytes' | 'closed') {
    super(reason === 'closed' ? 'shutting down' : `commit queue full (${reason})`);
    this.name = 'GroupCommitFullError';
  }
}

interface Waiting<T, R> {
  item: T;
  bytes: number;
  since: number;
  resolve: (result: R) => void;
  reject: (error: unknown) => void;
}

export class GroupCommit<T, R> {
  private queue: Array<Waiting<T, R>> = [];
  private queuedBytes = 0;
  private inFlight = 0;
  private inFlightItems = 0;
  private timer: NodeJS.Timeout | null = null;
  private immediate: NodeJS.Immediate | null = null;
  private closed = false;
  private idle: Array<() => void> = [];
  private readonly now: () => number;

  constructor(private readonly options: GroupCommitOptions<T, R>) {
    this.now = options.now ?? performance.now.bind(performance);
  }

  /** Items waiting for a commit to take them (not those being committed). */
  get waiting(): number {
    return this.queue.length;
  }

  /** Commits under way. */
  get committing(): number {
    return this.inFlight;
  }

  /** Items accepted and not yet settled: waiting, or in a commit under way. */
  get pending(): number {
    return this.queue.length + this.inFlightItems;
  }

  submit(item: T, bytes = 0): Promise<R> {
    if (this.closed) return Promise.reject(new GroupCommitFullError('closed'));
    if (this.queue.length >= this.options.maxQueue) return Promise.reject(new GroupCommitFullError('items'));
    // One item larger than the whole byte bound still goes alone into an empty queue.
    if (this.queue.length > 0 && this.queuedBytes + bytes > this.options.maxQueueBytes) return Promise.reject(new GroupCommitFullError('bytes'));
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ item, bytes, since: this.now(), resolve, reject });
      this.queuedBytes += bytes;
      this.schedule();
    });
  }

  /** Refuses new items and waits until every accepted one is committed (or failed). */
  async close(): Promise<void> {
    this.closed = true;
    if (this.queue.length === 0 && this.inFlight === 0) return;
    await new Promise<void>((resolve) => this.idle.push(resolve));
  }

  private schedule(): void {
    while (this.queue.length > 0 && this.inFlight < this.options.maxInFlight) {
      if (this.inFlight === 0) {
        // Idle: commit at the end of this turn of the event loop, so that the requests read from
        // the sockets in the same turn go together, at no added latency.
        this.immediate ??= setImmediate(() => {
          this.immediate = null;
          if (this.inFlight === 0) this.startBatch();
          this.schedule();
        });
        return;
      }
      const waited = this.now() - this.queue[0]!.since;
      if (this.queue.length >= this.options.maxBatch || waited >= this.options.maxWaitMs) {
        this.startBatch();
        continue;
      }
      // A commit is under way and a slot is free: the waiting items go with the next commit when
      // the one under way ends, or in a second one if it takes longer than maxWaitMs.
      this.timer ??= setTimeout(() => {
        this.timer = null;
        this.schedule();
      }, Math.max(0, this.options.maxWaitMs - waited));
      return;
    }
  }

  private startBatch(): void {
    const batch = this.queue.splice(0, this.options.maxBatch);
    if (batch.length === 0) return;
    for (const w of batch) this.queuedBytes -= w.bytes;
    this.inFlight += 1;
    this.inFlightItems += batch.length;
    void this.run(batch).finally(() => {
      this.inFlight -= 1;
      this.inFlightItems -= batch.length;
      if (this.queue.length === 0 && this.inFlight === 0) {
        if (this.timer) clearTimeout(this.timer);
        this.timer = null;
        for (const resolve of this.idle.splice(0)) resolve();
      }
      this.schedule();
    });
  }

  private async run(batch: Array<Waiting<T, R>>): Promise<void> {
    const started = this.now();
    try {
      const results = await this.options.commit(batch.map((w) => w.item));
      this.options.onCommit?.({ size: batch.length, seconds: (this.now() - started) / 1000, ok: true, fallback: false });
      batch.forEach((w, i) => w.resolve(results[i]!));
      return;
    } catch (error) {
      this.options.onCommit?.({ size: batch.length, seconds: (this.now() - started) / 1000, ok: false, fallback: false });
      if (batch.length === 1) {
        batch[0]!.reject(error);
        return;
      }
    }
    // The batch failed as a whole, so nothing of it is committed: each item on its own now, in
    // arrival order, so that one bad item fails alone and its neighbours still commit.
    for (const w of batch) {
      const t0 = this.now();
      try {
        const [result] = await this.options.commit([w.item]);
        this.options.onCommit?.({ size: 1, seconds: (this.now() - t0) / 1000, ok: true, fallback: true });
        w.resolve(result!);
      } catch (error) {
        this.options.onCommit?.({ size: 1, seconds: (this.now() - t0) / 1000, ok: false, fallback: true });
        w.reject(error);
      }
    }
  }
}
