export interface PollerOptions {
  /**
   * Longest sleep between two ticks, asked before each sleep: a safety net while notifications
   * wake the poller (long), the only way to see work while they cannot (short).
   */
  intervalMs: () => number;
  /**
   * Does the due work and returns how long until the next known due item (ms), or null when
   * none is known. The poller sleeps min(that, intervalMs), so scheduled work starts on time.
   */
  tick: () => Promise<number | null>;
  onError: (error: unknown) => void;
}

/**
 * A single-flight polling loop for work kept in Postgres. The rows are the source of truth;
 * the loop only decides when to look at them again, so a restart loses nothing.
 */
export class Poller {
  private running = false;
  private loop?: Promise<void>;
  private wakeUp?: () => void;
  private timer?: NodeJS.Timeout;
  /** A wake-up that came during a tick: the tick may have looked before the work was queued. */
  private woken = false;

  constructor(private readonly options: PollerOptions) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Finishes the tick in progress, then stops. */
  async stop(): Promise<void> {
    this.running = false;
    this.wake();
    await this.loop;
  }

  /** Looks at the table now instead of after the current sleep (or right after the current tick). */
  wake(): void {
    this.woken = true;
    if (this.timer) clearTimeout(this.timer);
    this.wakeUp?.();
  }

  private async run(): Promise<void> {
    while (this.running) {
      this.woken = false;
      let nextDueMs: number | null = null;
      try {
        nextDueMs = await this.options.tick();
      } catch (error) {
        this.options.onError(error);
      }
      if (!this.running) break;
      if (this.woken) continue;
      const sleepMs = Math.max(0, Math.min(nextDueMs ?? Infinity, this.options.intervalMs()));
      await new Promise<void>((resolve) => {
        this.wakeUp = resolve;
        this.timer = setTimeout(resolve, sleepMs);
      });
      this.wakeUp = undefined;
      this.timer = undefined;
    }
  }
}
