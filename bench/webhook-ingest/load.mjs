// A small closed-loop HTTP load generator: `concurrency` keep-alive connections, each sending its
// next request when the previous answer arrives. Returns throughput and acknowledgement latencies.
import http from 'node:http';

/**
 * @param {{ url: string, path: string, headers: Record<string,string>, bodies: string[], concurrency: number, onProgress?: (done: number) => void }} o
 */
export async function runLoad({ url, path, headers, bodies, concurrency, onProgress }) {
  const { hostname, port } = new URL(url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const latencies = new Float64Array(bodies.length);
  /** The answer's status per request, in the order of `bodies` (0: no answer). */
  const codes = new Uint16Array(bodies.length);
  const statuses = new Map();
  let next = 0;
  let done = 0;
  const send = (body) =>
    new Promise((resolve, reject) => {
      const req = http.request(
        { agent, hostname, port, path, method: 'POST', headers: { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode));
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < bodies.length) {
        const i = next++;
        const t0 = performance.now();
        const status = await send(bodies[i]);
        latencies[i] = performance.now() - t0;
        codes[i] = status;
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
        done += 1;
        if (onProgress && done % 1000 === 0) onProgress(done);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  return { ...summarize([{ latencies: [...latencies], seconds, statuses: Object.fromEntries(statuses) }]), codes };
}

/** Pools several rounds: throughput over their summed time, percentiles over all latencies. */
export function summarize(rounds) {
  const latencies = rounds.flatMap((r) => r.latencies).sort((a, b) => a - b);
  const seconds = rounds.reduce((sum, r) => sum + r.seconds, 0);
  const statuses = {};
  for (const r of rounds) for (const [code, n] of Object.entries(r.statuses)) statuses[code] = (statuses[code] ?? 0) + n;
  const pct = (p) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))];
  return { requests: latencies.length, seconds, throughput: latencies.length / seconds, p50: pct(50), p90: pct(90), p99: pct(99), p999: pct(99.9), max: latencies.at(-1), statuses, latencies };
}
