import { retryDelayAfter, WEBHOOK_MAX_ATTEMPTS } from './retry-schedule';

describe('the webhook retry schedule', () => {
  it('waits 8, 16, 32 and 64 seconds after the first four failures and gives up after the fifth', () => {
    expect([1, 2, 3, 4, 5].map(retryDelayAfter)).toEqual([8_000, 16_000, 32_000, 64_000, null]);
    expect(WEBHOOK_MAX_ATTEMPTS).toBe(5);
  });
});
