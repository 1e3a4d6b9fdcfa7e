import type { CompressionTypes, Kafka, Message, Producer, ProducerBatch, ProducerRecord, RecordMetadata } from 'kafkajs';
import { sendBatchCompletely, TopicPartitionCounts } from './complete-send';

interface Waiting {
  record: ProducerRecord;
  resolve: (metadata: RecordMetadata[]) => void;
  reject: (error: unknown) => void;
}

/**
 * Sends of one producer, coalesced while a produce request is in flight.
 *
 * Our producers are idempotent with one request in flight per broker (kafka-settings.ts: that is
 * what keeps per-key order across retries). kafkajs sends each `send()` as its own produce
 * request, so N concurrent sends (N gateway callers, N replies of a service) waited for N broker
 * round trips one after the other. Here the first send goes out at once (no linger: a lone caller
 * pays nothing), and the sends that arrive while it is in flight leave together as one
 * `sendBatch`, in arrival order, as soon as it is answered. Order within a partition is arrival
 * order (kafkajs keeps a topic's messages in order per partition), idempotence is kafkajs's, and
 * the batch's outcome is every member's: one error rejects every send of the batch. A batch spans
 * brokers, so it is checked complete (complete-send.ts).
 */
export class SendCoalescer {
  private waiting: Waiting[] = [];
  private inFlight = false;

  constructor(private readonly sendBatch: (batch: ProducerBatch) => Promise<RecordMetadata[]>) {}

  send(record: ProducerRecord): Promise<RecordMetadata[]> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ record, resolve, reject });
      this.flush();
    });
  }

  private flush(): void {
    if (this.inFlight || this.waiting.length === 0) return;
    const batch = this.takeBatch();
    this.inFlight = true;
    let sent: Promise<RecordMetadata[]>;
    try {
      sent = this.sendBatch(toProducerBatch(batch));
    } catch (error) {
      sent = Promise.reject(error);
    }
    sent
      .then(
        (metadata) => batch.forEach((w) => w.resolve(metadata.filter((m) => m.topicName === w.record.topic))),
        (error) => batch.forEach((w) => w.reject(error)),
      )
      .finally(() => {
        this.inFlight = false;
        this.flush();
      });
  }

  /** The leading sends that share acks, timeout and compression (a batch has one of each). */
  private takeBatch(): Waiting[] {
    const first = this.waiting[0]!.record;
    let n = 1;
    while (n < this.waiting.length && sameOptions(first, this.waiting[n]!.record)) n += 1;
    return this.waiting.splice(0, n);
  }
}

function sameOptions(a: ProducerRecord, b: ProducerRecord): boolean {
  return a.acks === b.acks && a.timeout === b.timeout && a.compression === b.compression;
}

/**
 * One entry per topic, its messages in arrival order: kafkajs's sendBatch keeps one entry per
 * topic name and would drop the messages of an earlier entry for the same topic.
 */
function toProducerBatch(batch: Waiting[]): ProducerBatch {
  const { acks, timeout, compression } = batch[0]!.record;
  const byTopic = new Map<string, Message[]>();
  for (const { record } of batch) {
    const list = byTopic.get(record.topic);
    if (list) list.push(...record.messages);
    else byTopic.set(record.topic, [...record.messages]);
  }
  return {
    ...(acks === undefined ? {} : { acks }),
    ...(timeout === undefined ? {} : { timeout }),
    ...(compression === undefined ? {} : { compression: compression as CompressionTypes }),
    topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })),
  };
}

/**
 * The producer with its `send` coalesced and checked complete, partitions counted through
 * `admin` (closed with the producer). sendBatch, events and the rest are the producer's own.
 */
export function coalesceSends(producer: Producer, admin: ReturnType<Kafka['admin']>): Producer {
  const partitionCounts = new TopicPartitionCounts(admin);
  const sendBatch = producer.sendBatch.bind(producer);
  const coalescer = new SendCoalescer((batch) => sendBatchCompletely(sendBatch, batch, partitionCounts));
  const disconnect = producer.disconnect.bind(producer);
  producer.send = (record) => coalescer.send(record);
  producer.disconnect = async () => {
    await partitionCounts.close();
    await disconnect();
  };
  return producer;
}

/**
 * A kafkajs client whose producers coalesce their sends: what Nest's ClientKafka (the gateway's
 * commands) and ServerKafka (the services' replies) get from their createClient().
 */
export function withCoalescedProducers(kafka: Kafka): Kafka {
  const producer = kafka.producer.bind(kafka);
  kafka.producer = (config) => coalesceSends(producer(config), kafka.admin());
  return kafka;
}
