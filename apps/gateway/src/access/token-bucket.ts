export interface BucketSettings {
  perSecond: number;
  burst: number;
}

/**
 * Token buckets, one per client: up to `burst` calls at once, refilled at `perSecond`. State is
 * per gateway process, so with N replicas a client gets at most N × its limit (documented in
 * docs/gateway-access.md). `now` is injected for tests.
 */
export class TokenBuckets {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(private readonly now: () => number = () => performance.now()) {}

  /** 0 when a token was taken; otherwise the milliseconds until the next token. */
  take(client: string, settings: BucketSettings): number {
    const now = this.now();
    const bucket = this.buckets.get(client) ?? { tokens: settings.burst, at: now };
    bucket.tokens = Math.min(settings.burst, bucket.tokens + ((now - bucket.at) / 1000) * settings.perSecond);
    bucket.at = now;
    this.buckets.set(client, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    // The nanosecond slack keeps float dust (0.998 tokens) from adding a whole millisecond.
    return Math.ceil(((1 - bucket.tokens) / settings.perSecond) * 1000 - 1e-6);
  }
}
