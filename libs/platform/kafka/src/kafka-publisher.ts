import { Kafka, type Producer } from 'kafkajs';
import type { OutgoingMessage } from '@platform/contracts';
import { kafkaClientConfig, producerConfig, type KafkaSettings } from './kafka-settings';
import { kafkaTopic } from './topic-namespace';

/**
 * Plain kafkajs producer behind the platform's MessagePublisher port: used by the outbox relay
 * and the inbox's dead-letter path. kafkajs is unmaintained, so it stays behind this adapter.
 */
export class KafkaPublisher {
  private readonly producer: Producer;
  private connected = false;
  private connecting: Promise<void> | null = null;

  constructor(settings: KafkaSettings) {
    this.producer = new Kafka(kafkaClientConfig({ ...settings, clientId: `${settings.clientId}-publisher` })).producer(
      producerConfig(settings),
    );
    this.producer.on(this.producer.events.DISCONNECT, () => {
      this.connected = false;
    });
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

  async publish(messages: OutgoingMessage[]): Promise<void> {
    if (messages.length === 0) return;
    await this.connect();
    const byTopic = new Map<string, OutgoingMessage[]>();
    for (const m of messages) byTopic.set(m.topic, [...(byTopic.get(m.topic) ?? []), m]);
    await this.producer.sendBatch({
      acks: -1,
      topicMessages: [...byTopic].map(([topic, list]) => ({
        topic: kafkaTopic(topic),
        messages: list.map((m) => ({ key: m.key, value: m.value, headers: m.headers })),
      })),
    });
  }

  async disconnect(): Promise<void> {
    await this.producer.disconnect().catch(() => undefined);
    this.connected = false;
  }
}
