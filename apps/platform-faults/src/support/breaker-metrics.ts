/** A service's p100-client breakers as its /metrics shows them (libs/p100-client/src/metrics.ts). */
export interface BreakerReading {
  /** p100_breaker_transitions_total per `group` and `to` (open, half_open, closed). */
  transitions: Record<string, Record<string, number>>;
  /** p100_breaker_state per group: 0 closed, 1 half-open, 2 open. */
  state: Record<string, number>;
}

const SAMPLE = /^(p100_breaker_transitions_total|p100_breaker_state)\{([^}]*)\}\s+(\S+)$/;

export function parseBreakerMetrics(text: string): BreakerReading {
  const reading: BreakerReading = { transitions: {}, state: {} };
  for (const line of text.split('\n')) {
    const m = SAMPLE.exec(line.trim());
    if (!m) continue;
    const labels = Object.fromEntries([...m[2]!.matchAll(/(\w+)="([^"]*)"/g)].map(([, k, v]) => [k!, v!]));
    const value = Number(m[3]);
    if (m[1] === 'p100_breaker_state') reading.state[labels['group']!] = value;
    else (reading.transitions[labels['group']!] ??= {})[labels['to']!] = value;
  }
  return reading;
}

export async function readBreakers(serviceUrl: string): Promise<BreakerReading> {
  const res = await fetch(`${serviceUrl}/metrics`);
  if (!res.ok) throw new Error(`${serviceUrl}/metrics answered ${res.status}`);
  return parseBreakerMetrics(await res.text());
}

/** Transitions to `to` per group between two readings (counters only grow). */
export function transitionsSince(before: BreakerReading, after: BreakerReading, to: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [group, byTo] of Object.entries(after.transitions)) {
    const n = (byTo[to] ?? 0) - (before.transitions[group]?.[to] ?? 0);
    if (n > 0) out[group] = n;
  }
  return out;
}
