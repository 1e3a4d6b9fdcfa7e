import { P100_DEFAULTS } from './config';
import { P100CircuitOpenError, P100Error, P100InsufficientFundsError, P100NetworkError, P100RateLimitedError, P100TimeoutError } from './errors';
import { backoffDelay, parseRetryAfter, retryDecision, type RetryContext } from './retry';

const ctx = (over: Partial<RetryContext> = {}): RetryContext => ({
  attempt: 1,
  idempotent: true,
  retry: { ...P100_DEFAULTS.retry },
  random: () => 0.5,
  ...over,
});

describe('retry policy', () => {
  it('retries GET-like calls on outages, timeouts and network errors', () => {
    expect(retryDecision(new P100Error('HTTP_502', 502, 'bad gateway'), ctx())?.reason).toBe('outage');
    expect(retryDecision(new P100Error('P501', 400, 'unavailable'), ctx())?.reason).toBe('outage');
    expect(retryDecision(new P100TimeoutError(100), ctx())?.reason).toBe('timeout');
    expect(retryDecision(new P100NetworkError('reset', true), ctx())?.reason).toBe('network_error');
  });

  it('never repeats a non-idempotent call that may have reached P100', () => {
    const post = ctx({ idempotent: false });
    expect(retryDecision(new P100Error('HTTP_502', 502, 'bad gateway'), post)).toBeUndefined();
    expect(retryDecision(new P100TimeoutError(100), post)).toBeUndefined();
    expect(retryDecision(new P100NetworkError('reset', true), post)).toBeUndefined();
  });

  it('repeats any call whose connection was refused before reaching P100', () => {
    expect(retryDecision(new P100NetworkError('refused', false), ctx({ idempotent: false }))?.reason).toBe('connection_refused');
  });

  it('does not retry business errors, an open breaker, or past the last attempt', () => {
    expect(retryDecision(new P100InsufficientFundsError('P433', 400, 'no funds'), ctx())).toBeUndefined();
    expect(retryDecision(new P100CircuitOpenError('users'), ctx())).toBeUndefined();
    expect(retryDecision(new P100TimeoutError(100), ctx({ attempt: 3 }))).toBeUndefined();
  });

  it('waits as long as Retry-After asks, but gives up when that exceeds the configured cap', () => {
    expect(retryDecision(new P100RateLimitedError('slow down', 2000), ctx({ idempotent: false }))).toEqual({ reason: 'rate_limited', delayMs: 2000 });
    expect(retryDecision(new P100RateLimitedError('slow down', 60_000), ctx())).toBeUndefined();
  });

  it('backs off exponentially with jitter between half and all of each step', () => {
    expect(backoffDelay(1, 100, () => 0)).toBe(50);
    expect(backoffDelay(1, 100, () => 1)).toBe(100);
    expect(backoffDelay(3, 100, () => 0)).toBe(200);
    expect(backoffDelay(3, 100, () => 1)).toBe(400);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('Wed, 21 Oct 2026 07:28:00 GMT');
    expect(parseRetryAfter('2', now)).toBe(2000);
    expect(parseRetryAfter('Wed, 21 Oct 2026 07:28:03 GMT', now)).toBe(3000);
    expect(parseRetryAfter('Wed, 21 Oct 2026 07:27:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});
