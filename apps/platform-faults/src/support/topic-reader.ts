import { Kafka, logLevel } from 'kafkajs';
import { MessageHeaders } from '@platform/contracts';
import { kafkaTopic } from '@platform/kafka';
import { uniqueName } from '@platform/testing';

export interface PublishedMessage {
  partition: number;
  offset: number;
  key: string | null;
  eventId: string | undefined;
  value: any;
}

/**
 * Everything on a catalog topic (in this run's KAFKA_NAMESPACE), read with a plain kafkajs
 * consumer from the beginning up to the high watermark of every partition as it is when called.
 * Called once the producers are done (the outbox drained), so "up to the end" needs no sleep.
 */
export async function readWholeTopic(brokers: string[], catalogName: string, timeoutMs: number): Promise<PublishedMessage[]> {
  const topic = kafkaTopic(catalogName);
  const kafka = new Kafka({ clientId: uniqueName('faults-reader'), brokers, logLevel: logLevel.NOTHING, retry: { retries: 10 } });
  const admin = kafka.admin();
  await admin.connect();
  const ends = new Map((await admin.fetchTopicOffsets(topic)).map((p) => [p.partition, Number(p.high)]));
  await admin.disconnect();
  const messages: PublishedMessage[] = [];
  const next = new Map([...ends.keys()].map((p) => [p, 0]));
  const done = () => [...ends].every(([p, high]) => (next.get(p) ?? 0) >= high);
  if (done()) return messages;

  const consumer = kafka.consumer({ groupId: uniqueName('faults-reader'), maxWaitTimeInMs: 100, maxBytesPerPartition: 4 * 1024 * 1024 });
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    let finished!: () => void;
    const all = new Promise<void>((resolve) => (finished = resolve));
    await consumer.run({
      autoCommit: false,
      eachBatch: async ({ batch }) => {
        for (const m of batch.messages) {
          messages.push({
            partition: batch.partition,
            offset: Number(m.offset),
            key: m.key?.toString('utf8') ?? null,
            eventId: m.headers?.[MessageHeaders.eventId]?.toString(),
            value: JSON.parse(m.value?.toString('utf8') ?? 'null'),
          });
          next.set(batch.partition, Number(m.offset) + 1);
        }
        if (done()) finished();
      },
    });
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${topic}: read ${messages.length} messages, not up to the end (${JSON.stringify([...ends])}) within ${timeoutMs} ms`)), timeoutMs);
    });
    await Promise.race([all, timeout]).finally(() => clearTimeout(timer));
  } finally {
    await consumer.disconnect();
  }
  return messages.sort((a, b) => a.partition - b.partition || a.offset - b.offset);
}
