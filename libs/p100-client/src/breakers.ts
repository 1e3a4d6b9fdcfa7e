import CircuitBreaker from 'opossum';
import type { ResolvedP100Config } from './config';
import { P100CircuitOpenError, P100DeadlineExceededError, P100Error } from './errors';
import type { P100Metrics } from './metrics';
import { ENDPOINT_GROUPS, type EndpointGroup } from './operations';

export type BreakerState = 'closed' | 'half_open' | 'open';
const STATE_VALUE: Record<BreakerState, number> = { closed: 0, half_open: 1, open: 2 };

type Action = () => Promise<unknown>;

/**
 * Only P100 being down counts against a breaker: 5xx, P500/P501 (which P100 sends as HTTP 400),
 * timeouts and network errors. Business answers (P403, P411, P433, 401, 429...) prove P100 is up,
 * so they count as successes; otherwise a burst of invalid input would cut everyone off.
 */
export function countsAsFailure(error: unknown): boolean {
  return !(error instanceof P100Error) || error.isOutage;
}

/** One breaker per endpoint group, so a failing card API leaves exchanges alone. */
export class GroupBreakers {
  private readonly breakers = new Map<EndpointGroup, CircuitBreaker<[Action], unknown>>();
  /** Failures in a row per group (the run rule; see fire). */
  private readonly runs = new Map<EndpointGroup, number>();
  private readonly consecutiveFailures: number;

  constructor(options: ResolvedP100Config['breaker'], metrics: P100Metrics) {
    this.consecutiveFailures = options.consecutiveFailures;
    for (const group of ENDPOINT_GROUPS) {
      const breaker = new CircuitBreaker<[Action], unknown>((action: Action) => action(), {
        name: `p100-${group}`,
        // Our own per-call AbortController enforces the deadline; opossum's timer cannot abort fetch.
        timeout: false,
        errorThresholdPercentage: options.errorThresholdPercentage,
        resetTimeout: options.resetTimeout,
        volumeThreshold: options.volumeThreshold,
        rollingCountTimeout: options.rollingCountTimeout,
        errorFilter: (error: unknown) => !countsAsFailure(error),
        // Nothing reads latency percentiles or snapshots: without them opossum keeps no array of
        // every latency in the window (sorted again at each snapshot) and runs no snapshot timer.
        rollingPercentilesEnabled: false,
        enableSnapshots: false,
      });
      const transition = (to: BreakerState) => () => {
        metrics.breakerState.set({ group }, STATE_VALUE[to]);
        metrics.breakerTransitions.inc({ group, to });
      };
      breaker.on('open', transition('open'));
      breaker.on('halfOpen', transition('half_open'));
      breaker.on('close', transition('closed'));
      breaker.on('reject', () => metrics.breakerRejections.inc({ group }));
      breaker.on('close', () => this.runs.set(group, 0));
      metrics.breakerState.set({ group }, STATE_VALUE.closed);
      this.breakers.set(group, breaker);
    }
  }

  /**
   * opossum opens on an error rate over a volume; a hang at low traffic gives one failure per
   * timeout and never the volume inside the window. So a run of `consecutiveFailures` opens it
   * too. An answer from P100 (success or business error) ends the run; a call cut short by its
   * caller's deadline neither extends nor ends it (it says little about P100).
   */
  async fire<T>(group: EndpointGroup, operation: string, action: () => Promise<T>): Promise<T> {
    const breaker = this.get(group);
    try {
      const result = (await breaker.fire(action)) as T;
      this.runs.set(group, 0);
      return result;
    } catch (error) {
      if ((error as { code?: string }).code === 'EOPENBREAKER') throw new P100CircuitOpenError(group, operation);
      if (error instanceof P100DeadlineExceededError) throw error;
      if (!countsAsFailure(error)) this.runs.set(group, 0);
      else {
        const run = (this.runs.get(group) ?? 0) + 1;
        this.runs.set(group, run);
        if (this.consecutiveFailures > 0 && run >= this.consecutiveFailures && breaker.closed) breaker.open();
      }
      throw error;
    }
  }

  state(group: EndpointGroup): BreakerState {
    const breaker = this.get(group);
    return breaker.opened ? 'open' : breaker.halfOpen ? 'half_open' : 'closed';
  }

  shutdown(): void {
    for (const breaker of this.breakers.values()) breaker.shutdown();
  }

  private get(group: EndpointGroup): CircuitBreaker<[Action], unknown> {
    const breaker = this.breakers.get(group);
    if (!breaker) throw new TypeError(`Unknown P100 endpoint group ${group}`);
    return breaker;
  }
}
