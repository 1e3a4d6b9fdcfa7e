import { Kafka, type Consumer } from 'kafkajs';
import { catalogTopic, headersToStrings, kafkaClientConfig, kafkaTopic } from '@platform/kafka';
import { kafkaTestSettings, uniqueName } from './test-env';

export interface ReceivedMessage {
  topic: string;
  partition: number;
  key: string | null;
  headers: Record<string, string>;
  value: any;
}

/**
 * A plain kafkajs consumer with its own group, for asserting what a service published. Topics are
 * named as in the catalog; the run's KAFKA_NAMESPACE is added (and removed from what it reports).
 * Always `stop()` it: a group whose member did not leave cleanly slows the next join.
 */
export class KafkaTestConsumer {
  readonly messages: ReceivedMessage[] = [];
  private consumer: Consumer | null = null;
  private waiters: Array<() => void> = [];

  static async start(topics: string[], options: { fromBeginning?: boolean } = {}): Promise<KafkaTestConsumer> {
    const tc = new KafkaTestConsumer();
    await tc.run(topics, options.fromBeginning ?? false);
    return tc;
  }

  private async run(topics: string[], fromBeginning: boolean): Promise<void> {
    const settings = kafkaTestSettings(uniqueName('test-consumer'));
    const kafka = new Kafka(kafkaClientConfig(settings));
    const consumer = kafka.consumer({ groupId: uniqueName('test-group'), maxWaitTimeInMs: settings.devBroker ? 10 : 100 });
    this.consumer = consumer;
    await consumer.connect();
    await consumer.subscribe({ topics: topics.map(kafkaTopic), fromBeginning });
    const joined = new Promise<void>((resolve) => consumer.on(consumer.events.GROUP_JOIN, () => resolve()));
    await consumer.run({
      eachMessage: async ({ topic, partition, message }) => {
        const raw = message.value?.toString('utf8') ?? 'null';
        let value: unknown;
        try {
          value = JSON.parse(raw);
        } catch {
          value = raw;
        }
        this.messages.push({ topic: catalogTopic(topic), partition, key: message.key?.toString('utf8') ?? null, headers: headersToStrings(message.headers), value });
        for (const wake of this.waiters.splice(0)) wake();
      },
    });
    await joined;
  }

  /** Resolves with the first message matching `predicate`, waiting up to `timeoutMs`. */
  async waitFor(predicate: (m: ReceivedMessage) => boolean, timeoutMs = 20_000): Promise<ReceivedMessage> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.messages.find(predicate);
      if (found) return found;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no matching Kafka message within ${timeoutMs} ms (saw ${this.messages.length})`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 250));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
    this.consumer = null;
  }
}
