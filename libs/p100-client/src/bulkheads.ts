import { P100BulkheadFullError } from './errors';
import type { P100Metrics } from './metrics';
import type { EndpointGroup } from './operations';

/**
 * A bulkhead per endpoint group: at most `maxConcurrent` calls of a group under way, and no
 * queue — a call beyond it is refused at once. When P100's card API hangs, its calls hold the
 * card slots only; the service's other work (users, exchanges) keeps its own.
 */
export class GroupBulkheads {
  private readonly inFlight = new Map<EndpointGroup, number>();

  constructor(
    private readonly maxConcurrent: number,
    private readonly metrics: P100Metrics,
  ) {}

  async run<T>(group: EndpointGroup, operation: string, call: () => Promise<T>): Promise<T> {
    const current = this.inFlight.get(group) ?? 0;
    if (current >= this.maxConcurrent) {
      this.metrics.bulkheadRejections.inc({ group });
      throw new P100BulkheadFullError(group, this.maxConcurrent, operation);
    }
    this.set(group, current + 1);
    try {
      return await call();
    } finally {
      this.set(group, (this.inFlight.get(group) ?? 1) - 1);
    }
  }

  private set(group: EndpointGroup, value: number): void {
    this.inFlight.set(group, value);
    this.metrics.inFlight.set({ group }, value);
  }
}
