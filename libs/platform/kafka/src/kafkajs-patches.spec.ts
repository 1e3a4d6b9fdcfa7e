import { kafkajsRequestQueue } from './kafkajs-patches';

describe('kafkajs request queue (patched)', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  const queue = (pending: unknown[]) => ({ pending, throttledUntil: -1, throttleCheckTimeoutId: null as unknown, checkPendingRequests: jest.fn() });

  it('arms no timer when nothing is pending (unpatched: a 1 ms timer per connection, for ever)', () => {
    const idle = queue([]);
    kafkajsRequestQueue.prototype.scheduleCheckPendingRequests.call(idle);
    expect(jest.getTimerCount()).toBe(0);
  });

  it('still schedules the check of a queued request', () => {
    const busy = queue([{ correlationId: 1 }]);
    kafkajsRequestQueue.prototype.scheduleCheckPendingRequests.call(busy);
    expect(jest.getTimerCount()).toBe(1);
    jest.runOnlyPendingTimers();
    expect(busy.checkPendingRequests).toHaveBeenCalledTimes(1);
  });
});
