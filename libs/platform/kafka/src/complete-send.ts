import type { Admin, Message, ProducerBatch, RecordMetadata, TopicMessages } from 'kafkajs';
import { keyPartitioner } from './key-partitioner';

/**
 * Every produce of the platform (outbox relay, dead letters, commands, replies) goes through
 * `sendBatchCompletely`, because kafkajs 2.2.4's sendBatch can resolve without having written
 * some of its messages.
 *
 * Its retry (`producer/sendMessages.js`) keeps the answers it has per BROKER and sends again
 * only to brokers without one. When a send spans several brokers, one of them dies, and the dead
 * leader's partitions move to a broker that has already answered, those partitions' messages are
 * never sent again, and the send resolves as if they had been. Found by the fault suite's
 * scenario (a): a broker SIGKILLed under webhook load, 4 of 2,000 acknowledged webhooks never
 * reached Kafka although the outbox had marked them published (docs/reliability.md, Findings).
 *
 * The mend keeps kafkajs's one request per broker (the fast path is unchanged) and makes the
 * outcome checkable: each message is given its partition here (the one the platform's
 * partitioner would give it, so keys keep their partitions), and a partition missing from the
 * answer is sent again, alone, to its current leader. A resend may duplicate what a dying leader
 * had written: at least once, as the outbox promises, and consumers dedupe by event id.
 */

/** How often a partition missing from the answer is sent again before the send fails. */
const RESENDS = 3;

/** One partitioner for every send of the process (its round-robin state, for keyless messages, is shared). */
const partitionOf = keyPartitioner();

/**
 * Partition counts of topics from the cluster's metadata: asked once per topic, then again in the
 * background every `maxAgeMs` (kafkajs's own metadata age), keeping the count it has when that
 * fails. A count never shrinks in Kafka and does not move with leaders, so a failed send is no
 * reason to ask again: during a failover the metadata request itself fails (a partition's error
 * fails kafkajs's whole metadata answer), and asking then only stalled every send (seen on three
 * brokers with one killed: no publish for 30 s).
 */
export class TopicPartitionCounts {
  private readonly counts = new Map<string, { partitions: number; at: number }>();
  private connected: Promise<void> | null = null;
  private refreshing: Promise<void> | null = null;

  constructor(
    private readonly admin: Admin,
    private readonly maxAgeMs = 300_000,
    private readonly now: () => number = Date.now,
  ) {}

  async of(topics: Iterable<string>): Promise<Map<string, number>> {
    const wanted = [...new Set(topics)];
    const unknown = wanted.filter((t) => !this.counts.has(t));
    if (unknown.length > 0) await this.fetch(unknown);
    const stale = wanted.filter((t) => this.now() - this.counts.get(t)!.at > this.maxAgeMs);
    if (stale.length > 0 && !this.refreshing) {
      this.refreshing = this.fetch(stale)
        .catch(() => undefined)
        .finally(() => (this.refreshing = null));
    }
    return new Map(wanted.map((t) => [t, this.counts.get(t)!.partitions]));
  }

  private async fetch(topics: string[]): Promise<void> {
    this.connected ??= this.admin.connect().catch((error: unknown) => {
      this.connected = null;
      throw error;
    });
    await this.connected;
    const { topics: found } = await this.admin.fetchTopicMetadata({ topics });
    const at = this.now();
    for (const t of found) {
      if (t.partitions.length === 0) throw new Error(`${t.name}: the cluster's metadata has no partitions for it (is the topic provisioned?)`);
      this.counts.set(t.name, { partitions: t.partitions.length, at });
    }
  }

  async close(): Promise<void> {
    await this.refreshing;
    if (this.connected) await this.admin.disconnect().catch(() => undefined);
    this.connected = null;
  }
}

export class KafkaSendIncompleteError extends Error {
  readonly retriable = true;
  constructor(readonly unanswered: string[]) {
    super(`Kafka did not acknowledge partitions ${unanswered.join(', ')} after ${RESENDS} resends`);
    this.name = 'KafkaSendIncompleteError';
  }
}

export async function sendBatchCompletely(
  sendBatch: (batch: ProducerBatch) => Promise<RecordMetadata[]>,
  batch: ProducerBatch,
  partitionCounts: TopicPartitionCounts,
): Promise<RecordMetadata[]> {
  let pending = await withPartitions(batch, partitionCounts);
  const answered: RecordMetadata[] = [];
  for (let resend = 0; ; resend += 1) {
    const metadata = await sendBatch(pending);
    answered.push(...metadata);
    // acks = 0: Kafka answers nothing, there is nothing to check.
    if (batch.acks === 0) return answered;
    const unanswered = withoutAnswered(pending, metadata);
    if (!unanswered) return answered;
    if (resend === RESENDS) {
      throw new KafkaSendIncompleteError(unanswered.topicMessages!.flatMap(({ topic, messages }) => [...new Set(messages.map((m) => `${topic}[${m.partition}]`))]));
    }
    pending = unanswered;
  }
}

/** The batch with every message's partition set: its own if it has one, else our partitioner's. */
async function withPartitions(batch: ProducerBatch, partitionCounts: TopicPartitionCounts): Promise<ProducerBatch> {
  const topicMessages = batch.topicMessages ?? [];
  if (topicMessages.every(({ messages }) => messages.every((m) => m.partition !== undefined))) return batch;
  const counts = await partitionCounts.of(topicMessages.map((t) => t.topic));
  return {
    ...batch,
    topicMessages: topicMessages.map(({ topic, messages }) => {
      const partitionMetadata = partitionsOf(counts.get(topic)!);
      return {
        topic,
        messages: messages.map((message): Message => (message.partition !== undefined ? message : { ...message, partition: partitionOf({ topic, partitionMetadata, message }) })),
      };
    }),
  };
}

/** The messages whose partition the answer does not name, or null when every one was answered. */
function withoutAnswered(batch: ProducerBatch, metadata: RecordMetadata[]): ProducerBatch | null {
  const answered = new Set(metadata.map((m) => `${m.topicName}\u0000${m.partition}`));
  const missing: TopicMessages[] = [];
  for (const { topic, messages } of batch.topicMessages ?? []) {
    const left = messages.filter((m) => !answered.has(`${topic}\u0000${m.partition}`));
    if (left.length > 0) missing.push({ topic, messages: left });
  }
  return missing.length === 0 ? null : { ...batch, topicMessages: missing };
}

const metadataCache = new Map<number, ReturnType<typeof buildPartitionMetadata>>();

/** What the partitioner reads of a topic with `count` partitions: their ids (all with a leader). */
function partitionsOf(count: number): ReturnType<typeof buildPartitionMetadata> {
  let metadata = metadataCache.get(count);
  if (!metadata) metadataCache.set(count, (metadata = buildPartitionMetadata(count)));
  return metadata;
}

function buildPartitionMetadata(count: number) {
  return Array.from({ length: count }, (_, partitionId) => ({ partitionId, leader: 0, replicas: [0], isr: [0], partitionErrorCode: 0 }));
}
