import { Kafka, type Producer } from 'kafkajs';
import type { OutgoingMessage } from '@platform/contracts';
import { kafkaClientConfig, producerConfig, type KafkaSettings } from './kafka-settings';
import { sendBatchCompletely, TopicPartitionCounts } from './complete-send';
import { withRequestMetrics } from './kafka-request.metrics';
import { kafkaTopic } from './topic-namespace';

/**
 * Errors after which the idempotent producer's state (producer id, per-partition sequence
 * numbers) no longer matches the brokers', and kafkajs never re-initialises it: e.g. after every
 * broker was SIGKILLed, each later send failed with OUT_OF_ORDER_SEQUENCE_NUMBER, for good
 * (scenario a). Only a new producer (a new producer id, sequences from 0) sends again.
 */
const PRODUCER_STATE_LOST = new Set(['OUT_OF_ORDER_SEQUENCE_NUMBER', 'UNKNOWN_PRODUCER_ID', 'INVALID_PRODUCER_EPOCH', 'INVALID_PRODUCER_ID_MAPPING']);

export function producerStateLost(error: unknown): boolean {
  for (let e = error as { type?: unknown; originalError?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 5; depth++) {
    if (typeof e.type === 'string' && PRODUCER_STATE_LOST.has(e.type)) return true;
    e = (e.originalError ?? e.cause) as typeof e;
  }
  return false;
}

/**
 * Plain kafkajs producer behind the platform's MessagePublisher port: used by the outbox relay
 * and the inbox's dead-letter path. kafkajs is unmaintained, so it stays behind this adapter.
 * Its sends are checked complete (complete-send.ts), and its producer is replaced when the
 * brokers lost its idempotence state.
 */
export class KafkaPublisher {
  private producer: Producer;
  private readonly kafka: Kafka;
  private readonly partitionCounts: TopicPartitionCounts;
  private connected = false;
  private connecting: Promise<void> | null = null;

  constructor(private readonly settings: KafkaSettings) {
    this.kafka = withRequestMetrics(new Kafka(kafkaClientConfig({ ...settings, clientId: `${settings.clientId}-publisher` })));
    this.producer = this.newProducer();
    this.partitionCounts = new TopicPartitionCounts(this.kafka.admin());
  }

  private newProducer(): Producer {
    const producer = this.kafka.producer(producerConfig(this.settings));
    producer.on(producer.events.DISCONNECT, () => {
      if (producer === this.producer) this.connected = false;
    });
    return producer;
  }

  /**
   * Drops a producer whose idempotence state the brokers no longer share; the next publish
   * connects a new one. What the failed batch had sent may then be sent twice: at least once,
   * as the outbox promises, and consumers dedupe by event id.
   */
  private async replaceProducer(): Promise<void> {
    const old = this.producer;
    this.producer = this.newProducer();
    this.connected = false;
    this.connecting = null;
    await old.disconnect().catch(() => undefined);
  }

  get isConnected(): boolean {
    return this.connected;
  }

  async connect(): Promise<void> {
    if (this.connected) return;
    this.connecting ??= this.producer.connect().then(
      () => {
        this.connected = true;
        this.connecting = null;
      },
      (error) => {
        this.connecting = null;
        throw error;
      },
    );
    return this.connecting;
  }

  /** Resolves when Kafka has acknowledged every message (acks=all), each partition's in their order. */
  async publish(messages: OutgoingMessage[]): Promise<void> {
    if (messages.length === 0) return;
    await this.connect();
    const byTopic = new Map<string, OutgoingMessage[]>();
    for (const m of messages) {
      const list = byTopic.get(m.topic);
      if (list) list.push(m);
      else byTopic.set(m.topic, [m]);
    }
    const batch = {
      acks: -1,
      topicMessages: [...byTopic].map(([topic, list]) => ({
        topic: kafkaTopic(topic),
        messages: list.map((m) => ({ key: m.key, value: m.value, headers: m.headers })),
      })),
    };
    const producer = this.producer;
    try {
      await sendBatchCompletely((b) => producer.sendBatch(b), batch, this.partitionCounts);
    } catch (error) {
      if (producerStateLost(error) && producer === this.producer) await this.replaceProducer();
      throw error;
    }
  }

  async disconnect(): Promise<void> {
    await this.producer.disconnect().catch(() => undefined);
    await this.partitionCounts.close();
    this.connected = false;
  }
}
