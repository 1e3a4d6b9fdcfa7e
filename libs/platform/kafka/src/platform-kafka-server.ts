import { ServerKafka, type KafkaOptions, type MessageHandler } from '@nestjs/microservices';
import type { Consumer, EachBatchPayload, Kafka } from 'kafkajs';
import { reportConsumerLag } from './consumer-lag.metrics';
import { COMMIT_INTERVAL_DEFAULT_MS, KEY_CONCURRENCY_DEFAULT } from './kafka-microservice';
import type { KafkaSettings } from './kafka-settings';
import { KeyedLanes } from './keyed-lanes';
import { withRequestMetrics } from './kafka-request.metrics';
import { withCoalescedProducers } from './send-coalescer';

/** How long shutdown waits for taken messages to finish before disconnecting (then: redelivery). */
const CLOSE_DRAIN_MS = 10_000;

/** What readiness needs to know about a service's consumer group. */
export interface ConsumerGroupState {
  /** True between a completed join (partitions assigned) and the next rebalance, crash or stop. */
  readonly holdsPartitions: boolean;
  /** Partitions assigned at the last join, per topic. */
  readonly assignment: Readonly<Record<string, number[]>>;
}

/**
 * Nest's Kafka server, consuming through KeyedLanes: messages of different keys at once (bounded),
 * one key's in order, offsets committed only past what is done. And with the group's state
 * tracked from the start. kafkajs's `run()` resolves
 * only after the first join, so listeners attached after Nest started would miss it: Nest calls
 * registerConsumerEventListeners() right after creating the consumer, before it connects.
 */
export class PlatformKafkaServer extends ServerKafka implements ConsumerGroupState {
  private joined = false;
  private assigned: Record<string, number[]> = {};

  private readonly lanes: KeyedLanes;
  private readonly stopReportingLag: () => void;

  constructor(options: KafkaOptions['options'], laneSettings: Pick<KafkaSettings, 'keyConcurrency' | 'commitIntervalMs'> = {}) {
    super(options ?? {});
    this.lanes = new KeyedLanes({
      limit: laneSettings.keyConcurrency ?? KEY_CONCURRENCY_DEFAULT,
      // The watermarks of every partition that moved, in one OffsetCommit request.
      commit: (offsets) => (this.consumer as Consumer).commitOffsets(offsets),
      commitIntervalMs: laneSettings.commitIntervalMs ?? COMMIT_INTERVAL_DEFAULT_MS,
      log: { warn: (message, error) => this.logger.warn(`${message}: ${(error as Error)?.message ?? error}`) },
    });
    const lanes = this.lanes;
    this.stopReportingLag = reportConsumerLag({ group: this.groupId, lag: () => lanes.lag() });
  }

  /** Replies of commands handled at once leave in one produce request (send-coalescer.ts). */
  override async createClient<T = Kafka>(): Promise<T> {
    return withRequestMetrics(withCoalescedProducers((await super.createClient()) as Kafka)) as T;
  }

  /**
   * Nest's own bindEvents, with batches taken into the lanes instead of one message at a time.
   * Offsets are committed by the lanes as work completes (autoCommit off): kafkajs's own commit
   * would cover offsets taken but not yet done.
   */
  override async bindEvents(consumer: Consumer): Promise<void> {
    const topics = [...this.messageHandlers.keys()];
    if (topics.length > 0) await consumer.subscribe({ ...(this.options.subscribe ?? {}), topics } as never);
    await consumer.run({
      ...(this.options.run ?? {}),
      autoCommit: false,
      eachBatchAutoResolve: false,
      eachBatch: (payload: EachBatchPayload) =>
        this.lanes.take(payload, (message) =>
          this.handleMessage({ topic: payload.batch.topic, partition: payload.batch.partition, message, heartbeat: payload.heartbeat, pause: payload.pause }),
        ),
    });
  }

  /**
   * Our patterns are topic names, registered as they are. Nest's own lookup first tries
   * JSON.parse on the topic name, which throws (and builds a stack trace) on every message; the
   * exact match is tried first here, Nest's lookup stays the fallback for any other pattern.
   */
  override getHandlerByPattern(pattern: string): MessageHandler | null {
    return this.messageHandlers.get(pattern) ?? super.getHandlerByPattern(pattern);
  }

  /** Lets the work already taken finish (bounded) before Nest disconnects the consumer. */
  override async close(): Promise<void> {
    this.lanes.stopTaking();
    await Promise.race([this.lanes.idle(), new Promise((resolve) => setTimeout(resolve, CLOSE_DRAIN_MS).unref())]);
    // What finished is committed now, not after the interval, so a restart does not redo it.
    await Promise.race([this.lanes.flushCommits(), new Promise((resolve) => setTimeout(resolve, CLOSE_DRAIN_MS).unref())]);
    this.stopReportingLag();
    await super.close();
  }

  get holdsPartitions(): boolean {
    return this.joined;
  }

  get assignment(): Readonly<Record<string, number[]>> {
    return this.assigned;
  }

  protected override registerConsumerEventListeners(): void {
    super.registerConsumerEventListeners();
    const consumer = this.consumer as Consumer;
    consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => {
      // Partitions that went to another member: their work in the lanes is no longer ours to commit.
      for (const [topic, partitions] of Object.entries(this.assigned)) {
        for (const partition of partitions) if (!payload.memberAssignment[topic]?.includes(partition)) this.lanes.forget(topic, partition);
      }
      this.assigned = payload.memberAssignment;
      this.joined = true;
    });
    for (const event of [consumer.events.REBALANCING, consumer.events.CRASH, consumer.events.STOP, consumer.events.DISCONNECT]) {
      consumer.on(event, () => (this.joined = false));
    }
  }
}
