/**
 * A client that retries as a real one does while services are being killed: the same request
 * (same Idempotency-Key, same correlation id) again after a connection reset, a refused
 * connection, a 503/504 with a platform error code, or a 409 "still in progress", until it gets
 * a final answer (2xx or any other 4xx) or its deadline passes. Every transient answer is
 * counted, so the scenario can tell the acceptable ones from the defects.
 */
export interface Attempted {
  /** The final answer, or null when none came before the deadline. */
  status: number | null;
  body: any;
  attempts: number;
  /** What the attempts before the final answer got: "reset", "503 SERVICE_UNAVAILABLE", ... */
  transient: string[];
}

const RETRYABLE_CODES = new Set(['SERVICE_UNAVAILABLE', 'P100_UNAVAILABLE', 'UPSTREAM_TIMEOUT', 'IDEMPOTENCY_REQUEST_IN_PROGRESS']);
const PAUSE_MS = 250;
const ATTEMPT_TIMEOUT_MS = 20_000;

/** `deadline()` is read before every attempt, so a scenario can extend it (e.g. to a time after its faults end). */
export async function sendUntilAnswered(url: string, init: { method: string; headers: Record<string, string>; body?: string }, deadline: () => number): Promise<Attempted> {
  const transient: string[] = [];
  let attempts = 0;
  while (Date.now() < deadline()) {
    attempts += 1;
    try {
      const res = await fetch(url, { ...init, signal: AbortSignal.timeout(Math.max(1, Math.min(ATTEMPT_TIMEOUT_MS, deadline() - Date.now()))) });
      const text = await res.text();
      const body = parse(text);
      const code: string | undefined = body?.error?.code;
      const retryable = (res.status === 503 || res.status === 504 || res.status === 409) && code !== undefined && RETRYABLE_CODES.has(code);
      if (!retryable && res.status < 500) return { status: res.status, body, attempts, transient };
      // A 5xx outside the retryable codes is a defect; the client still retries, as it must.
      transient.push(`${res.status} ${code ?? text.slice(0, 80)}`);
    } catch (error) {
      // The process behind the port died mid-request, or is not listening yet.
      transient.push(isTimeout(error) ? 'no answer' : 'reset');
    }
    await new Promise((r) => setTimeout(r, PAUSE_MS));
  }
  return { status: null, body: undefined, attempts, transient };
}

function parse(text: string): any {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return text;
  }
}

function isTimeout(error: unknown): boolean {
  return (error as Error)?.name === 'TimeoutError' || (error as Error)?.name === 'AbortError';
}

/** How often each kind of transient answer was seen, e.g. { reset: 12, "503 SERVICE_UNAVAILABLE": 3 }. */
export function tally(results: Attempted[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of results) for (const t of r.transient) counts[t] = (counts[t] ?? 0) + 1;
  return counts;
}
