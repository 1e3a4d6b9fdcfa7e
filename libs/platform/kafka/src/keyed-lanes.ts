import type { EachBatchPayload, KafkaMessage } from 'kafkajs';

/**
 * Work on a batch of one partition concurrently across keys, in order within a key.
 *
 * Messages with the same key (one user, one payment) run one after another in offset order;
 * messages of different keys run at the same time, up to the limit shared by all partitions
 * of the consumer. An offset is resolved (and so committed) only when it and every offset
 * before it in the partition are done, so a crash redelivers exactly what was not finished.
 */
export class KeyedLanes {
  private active = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(readonly limit: number) {
    if (!(limit >= 1)) throw new RangeError('KeyedLanes: limit must be at least 1');
  }

  async runBatch(payload: Pick<EachBatchPayload, 'batch' | 'resolveOffset' | 'heartbeat' | 'isRunning' | 'isStale'>, handle: (message: KafkaMessage) => Promise<void>): Promise<void> {
    const { batch, resolveOffset, heartbeat, isRunning, isStale } = payload;
    const lanes = new Map<string, KafkaMessage[]>();
    for (const message of batch.messages) {
      const key = message.key === null ? `offset:${message.offset}` : message.key.toString('latin1');
      const lane = lanes.get(key);
      if (lane) lane.push(message);
      else lanes.set(key, [message]);
    }
    const done = new Set<string>();
    const order = batch.messages.map((m) => m.offset);
    let next = 0;
    const advance = () => {
      let last: string | undefined;
      while (next < order.length && done.has(order[next]!)) last = order[next++];
      if (last !== undefined) resolveOffset(last);
    };

    let failure: unknown;
    await Promise.all(
      [...lanes.values()].map(async (lane) => {
        for (const message of lane) {
          if (failure !== undefined || !isRunning() || isStale()) return;
          await this.acquire();
          try {
            await handle(message);
          } catch (error) {
            failure ??= error;
            return;
          } finally {
            this.release();
          }
          done.add(message.offset);
          advance();
          await heartbeat();
        }
      }),
    );
    // kafkajs retries the batch from the first unresolved offset; what was done stays done.
    if (failure !== undefined) throw failure;
  }

  private async acquire(): Promise<void> {
    if (this.active < this.limit) {
      this.active += 1;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  private release(): void {
    const wake = this.waiting.shift();
    if (wake) wake();
    else this.active -= 1;
  }
}
