/**
 * Client-side token bucket. P100 publishes no rate limit, so this is opt-in: it smooths our own
 * bursts before P100 answers 429. Callers queue in arrival order; each takes one token.
 */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly perSecond: number,
    private readonly burst: number = Math.max(1, perSecond),
    private readonly now: () => number = Date.now,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
  ) {
    this.tokens = burst;
    this.last = now();
  }

  async acquire(): Promise<void> {
    const now = this.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.perSecond);
    this.last = now;
    // Reserve the token now (the balance may go negative) so concurrent callers queue fairly.
    this.tokens -= 1;
    if (this.tokens < 0) await this.sleep((-this.tokens / this.perSecond) * 1000);
  }
}
