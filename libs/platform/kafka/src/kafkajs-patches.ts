/**
 * kafkajs 2.2.4 is unmaintained (PLATFORM.md), so its one defect that costs us at rest is mended
 * here, behind our adapter, rather than waited for.
 *
 * RequestQueue.scheduleCheckPendingRequests computes `throttledUntil - Date.now()` with
 * `throttledUntil` initialised to -1, and arms that (negative) timeout even when nothing is
 * pending. Node clamps a negative timeout to 1 ms (and, since Node 24, prints
 * TimeoutNegativeWarning), and the check re-arms itself: every broker connection ran a 1 ms timer
 * for ever, about 4 % of a core per idle service (profiled: docs/decisions/0005). With nothing
 * pending there is nothing to check later: a request queued while throttled or at the in-flight
 * limit schedules its own check (push), and a completed request checks the queue anyway.
 */
const RequestQueue = require('kafkajs/src/network/requestQueue') as {
  prototype: { scheduleCheckPendingRequests(this: { pending: unknown[] }): void; __platformPatched?: boolean };
};

export function patchKafkajs(): void {
  const proto = RequestQueue.prototype;
  if (proto.__platformPatched) return;
  const original = proto.scheduleCheckPendingRequests;
  proto.scheduleCheckPendingRequests = function scheduleCheckPendingRequests(this: { pending: unknown[] }) {
    if (this.pending.length === 0) return;
    original.call(this);
  };
  proto.__platformPatched = true;
}

patchKafkajs();

export const kafkajsRequestQueue = RequestQueue;
