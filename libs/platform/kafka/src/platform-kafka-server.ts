import { ServerKafka, type KafkaOptions } from '@nestjs/microservices';
import type { Consumer } from 'kafkajs';

/** What readiness needs to know about a service's consumer group. */
export interface ConsumerGroupState {
  /** True between a completed join (partitions assigned) and the next rebalance, crash or stop. */
  readonly holdsPartitions: boolean;
  /** Partitions assigned at the last join, per topic. */
  readonly assignment: Readonly<Record<string, number[]>>;
}

/**
 * Nest's Kafka server with the group's state tracked from the start. kafkajs's `run()` resolves
 * only after the first join, so listeners attached after Nest started would miss it: Nest calls
 * registerConsumerEventListeners() right after creating the consumer, before it connects.
 */
export class PlatformKafkaServer extends ServerKafka implements ConsumerGroupState {
  private joined = false;
  private assigned: Record<string, number[]> = {};

  constructor(options: KafkaOptions['options']) {
    super(options ?? {});
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
      this.assigned = payload.memberAssignment;
      this.joined = true;
    });
    for (const event of [consumer.events.REBALANCING, consumer.events.CRASH, consumer.events.STOP, consumer.events.DISCONNECT]) {
      consumer.on(event, () => (this.joined = false));
    }
  }
}
