/**
 * A job a service runs every `intervalMs` while it is up (pollers, reconcilers): one pass at a
 * time — the next is scheduled only once the last has ended, so a slow pass never overlaps
 * itself — and `stop()` waits for the pass under way, so the database closes after it. A failed
 * pass is reported and the next one comes as usual. The timer does not hold the process open.
 */
export class PeriodicJob {
  private timer: NodeJS.Timeout | null = null;
  private pass: Promise<unknown> | null = null;
  private stopped = true;

  constructor(
    private readonly intervalMs: number,
    private readonly run: () => Promise<unknown>,
    private readonly onError: (error: Error) => void,
  ) {}

  start(): void {
    this.stopped = false;
    this.schedule();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.pass?.catch(() => undefined);
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.pass = this.run()
        .catch((error: unknown) => this.onError(error as Error))
        .finally(() => this.schedule());
    }, this.intervalMs);
    this.timer.unref();
  }
}
