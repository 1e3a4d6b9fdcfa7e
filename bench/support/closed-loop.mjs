// A closed-loop load of any kind of call (HTTP, gRPC, ...): `concurrency` callers, each making its
// next call when the previous one is answered. Shared by the benches (bench/*/run.mjs); pool the
// rounds it returns with summarize() of bench/webhook-ingest/load.mjs.

/**
 * @param {{ count: number, concurrency: number, call: (i: number) => Promise<string|number>, onProgress?: (done: number) => void, progressEvery?: number }} o
 *   `call(i)` answers the outcome of call i (an HTTP status, a gRPC code name...), counted in `statuses`.
 * @returns {Promise<{ latencies: number[], seconds: number, statuses: Record<string, number>, outcomes: (string|number)[] }>}
 */
export async function closedLoop({ count, concurrency, call, onProgress, progressEvery = 1000 }) {
  const latencies = new Array(count);
  const outcomes = new Array(count);
  const statuses = {};
  let next = 0;
  let done = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: Math.min(concurrency, count) }, async () => {
      while (next < count) {
        const i = next++;
        const t0 = performance.now();
        let outcome;
        try {
          outcome = await call(i);
        } catch (error) {
          outcome = `error:${error?.code ?? error?.message ?? error}`;
        }
        latencies[i] = performance.now() - t0;
        outcomes[i] = outcome;
        statuses[outcome] = (statuses[outcome] ?? 0) + 1;
        done += 1;
        if (onProgress && done % progressEvery === 0) onProgress(done);
      }
    }),
  );
  return { latencies, seconds: (performance.now() - started) / 1000, statuses, outcomes };
}
