import { sandboxAdmin } from './gateway-client';

/**
 * The failures the sandbox injects, each at `errorRate` of a group's requests: P100's "unknown
 * exception" as an HTTP 500, a 503 outage, no answer at all (the client's timeout), and a 429
 * (retried by the client after Retry-After). Every one is decided before the sandbox processes
 * the request, so P100 never acts on a failed call; the platform cannot know that for the
 * first three (P100 may have acted before a 5xx or a timeout) and must treat them as unknown.
 */
export const FAILURES = [
  { name: '5xx', failure: { kind: 'error', errorCode: 'P500', httpStatus: 500 } },
  { name: 'timeout', failure: { kind: 'timeout' } },
  { name: '429', failure: { kind: 'rate-limit', retryAfterSeconds: 0 } },
  { name: '503', failure: { kind: 'outage', mode: 'service-unavailable' } },
] as const;

/**
 * One fault per endpoint group at a time is what the sandbox holds, so the mix is made by
 * rotating: every `tickMs` each group moves to the next failure, the groups offset from one
 * another, so at any moment the load meets every kind somewhere.
 */
export class FaultRotation {
  private timer: NodeJS.Timeout | undefined;
  private tick = 0;
  private pending: Promise<void> = Promise.resolve();
  private failed: Error | undefined;
  /** How many times each failure was put in force (per group and tick). */
  readonly applied: Record<string, number> = Object.fromEntries(FAILURES.map((f) => [f.name, 0]));

  constructor(
    private readonly sandbox: string,
    private readonly groups: readonly string[],
    private readonly errorRate: number,
    private readonly tickMs: number,
  ) {}

  async start(): Promise<void> {
    await this.apply();
    this.timer = setInterval(() => {
      // A failed PUT is kept and thrown by stop(): the scenario must not run on without its faults.
      this.pending = this.pending.then(() => this.apply()).catch((error: Error) => void (this.failed ??= error));
    }, this.tickMs);
  }

  /** Stops rotating and clears every fault (`DELETE /admin/faults`): P100 answers normally again. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.pending;
    const cleared = await sandboxAdmin(this.sandbox, 'DELETE', '/admin/faults');
    if (cleared.status !== 200) throw new Error(`DELETE /admin/faults: ${cleared.status} ${JSON.stringify(cleared.body)}`);
    if (this.failed) throw this.failed;
  }

  private async apply(): Promise<void> {
    const tick = this.tick++;
    await Promise.all(
      this.groups.map(async (group, i) => {
        const { name, failure } = FAILURES[(tick + i) % FAILURES.length]!;
        const res = await sandboxAdmin(this.sandbox, 'PUT', `/admin/faults/${group}`, { failure, errorRate: this.errorRate });
        if (res.status !== 200) throw new Error(`PUT /admin/faults/${group}: ${res.status} ${JSON.stringify(res.body)}`);
        this.applied[name]! += 1;
      }),
    );
  }
}
