import { TokenBucket } from './rate-limiter';

describe('client-side token bucket', () => {
  it('lets a burst through and then spaces callers at the configured rate, in arrival order', async () => {
    const now = 0;
    const waits: number[] = [];
    const bucket = new TokenBucket(2, 2, () => now, async (ms) => void waits.push(ms));
    await Promise.all([bucket.acquire(), bucket.acquire(), bucket.acquire(), bucket.acquire()]);
    expect(waits).toEqual([500, 1000]);
  });

  it('refills over time', async () => {
    let now = 0;
    const waits: number[] = [];
    const bucket = new TokenBucket(1, 1, () => now, async (ms) => void waits.push(ms));
    await bucket.acquire();
    now = 1000;
    await bucket.acquire();
    expect(waits).toEqual([]);
  });
});
