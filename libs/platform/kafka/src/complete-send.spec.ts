import type { Admin, ProducerBatch, RecordMetadata } from 'kafkajs';
import { KafkaSendIncompleteError, sendBatchCompletely, TopicPartitionCounts } from './complete-send';
import { keyPartitioner } from './key-partitioner';

// The partition-level check of every platform send. The broker side (kafkajs 2.2.4 skipping a
// moved partition after a leader's SIGKILL) is proven on three real brokers in
// three-brokers.real-kafka.spec.ts; here the answer is stubbed to show what is done with it.
describe('sendBatchCompletely', () => {
  const topic = 'p.test.complete';
  const admin = (partitions: number) =>
    ({
      connect: jest.fn(async () => undefined),
      disconnect: jest.fn(async () => undefined),
      fetchTopicMetadata: jest.fn(async ({ topics }: { topics: string[] }) => ({
        topics: topics.map((name) => ({ name, partitions: Array.from({ length: partitions }, (_, partitionId) => ({ partitionId })) })),
      })),
    }) as unknown as Admin & { fetchTopicMetadata: jest.Mock };

  /** A broker stand-in that answers every partition it was sent, except those in `drop` (once each). */
  function broker(drop: number[] = []) {
    const dropped = new Set<number>();
    const sent: ProducerBatch[] = [];
    const sendBatch = jest.fn(async (batch: ProducerBatch): Promise<RecordMetadata[]> => {
      sent.push(batch);
      const partitions = new Set(batch.topicMessages!.flatMap((t) => t.messages.map((m) => m.partition!)));
      return [...partitions]
        .filter((p) => {
          if (!drop.includes(p) || dropped.has(p)) return true;
          dropped.add(p);
          return false;
        })
        .map((partition) => ({ topicName: topic, partition, errorCode: 0 }));
    });
    return { sendBatch, sent };
  }

  const batchOf = (keys: string[], acks = -1): ProducerBatch => ({ acks, topicMessages: [{ topic, messages: keys.map((key) => ({ key, value: key })) }] });
  const keys = Array.from({ length: 40 }, (_, i) => `key-${i}`);

  it("gives each message the partition the platform's partitioner gives its key, and sends once when all are answered", async () => {
    const { sendBatch, sent } = broker();
    await sendBatchCompletely(sendBatch, batchOf(keys), new TopicPartitionCounts(admin(6)));
    expect(sendBatch).toHaveBeenCalledTimes(1);
    const partitionMetadata = Array.from({ length: 6 }, (_, partitionId) => ({ partitionId, leader: 0, replicas: [0], isr: [0], partitionErrorCode: 0 }));
    const expected = keys.map((key) => keyPartitioner()({ topic, partitionMetadata, message: { key, value: key } }));
    expect(sent[0]!.topicMessages![0]!.messages.map((m) => m.partition)).toEqual(expected);
    expect(new Set(expected).size).toBe(6);
  });

  it('sends a partition missing from the answer again, only its messages and in their order', async () => {
    const { sendBatch, sent } = broker([2]);
    const answered = await sendBatchCompletely(sendBatch, batchOf(keys), new TopicPartitionCounts(admin(6)));
    expect(sendBatch).toHaveBeenCalledTimes(2);
    const first = sent[0]!.topicMessages![0]!.messages;
    const resent = sent[1]!.topicMessages![0]!.messages;
    expect(resent).toEqual(first.filter((m) => m.partition === 2));
    expect(resent.length).toBeGreaterThan(0);
    expect(answered.map((m) => m.partition).sort()).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('fails with a retriable error naming the partition when it stays unanswered', async () => {
    const sendBatch = jest.fn(async (): Promise<RecordMetadata[]> => []);
    const counts = new TopicPartitionCounts(admin(3));
    const failure = sendBatchCompletely(sendBatch, batchOf(['only']), counts);
    await expect(failure).rejects.toBeInstanceOf(KafkaSendIncompleteError);
    await expect(failure).rejects.toMatchObject({ retriable: true, message: expect.stringContaining(`${topic}[`) });
    // The first send and three resends.
    expect(sendBatch).toHaveBeenCalledTimes(4);
  });

  it('keeps a partition the sender set, and asks the cluster nothing then', async () => {
    const { sendBatch, sent } = broker();
    const a = admin(6);
    await sendBatchCompletely(sendBatch, { acks: -1, topicMessages: [{ topic, messages: [{ key: 'k', value: 'v', partition: 4 }] }] }, new TopicPartitionCounts(a));
    expect(sent[0]!.topicMessages![0]!.messages[0]!.partition).toBe(4);
    expect(a.fetchTopicMetadata).not.toHaveBeenCalled();
  });

  it('checks nothing with acks = 0 (Kafka answers nothing)', async () => {
    const sendBatch = jest.fn(async (): Promise<RecordMetadata[]> => []);
    await expect(sendBatchCompletely(sendBatch, batchOf(keys, 0), new TopicPartitionCounts(admin(6)))).resolves.toEqual([]);
    expect(sendBatch).toHaveBeenCalledTimes(1);
  });

  it('asks the partition count once per topic, not again after a failed send, and again in the background when old', async () => {
    const a = admin(6);
    let now = 0;
    const counts = new TopicPartitionCounts(a, 1_000, () => now);
    const { sendBatch } = broker();
    await sendBatchCompletely(sendBatch, batchOf(keys), counts);
    await sendBatchCompletely(sendBatch, batchOf(keys), counts);
    await expect(sendBatchCompletely(jest.fn(async () => Promise.reject(new Error('broker gone'))), batchOf(keys), counts)).rejects.toThrow('broker gone');
    expect(a.fetchTopicMetadata).toHaveBeenCalledTimes(1);
    now = 1_001;
    // The metadata request fails during a failover: the send goes on with the count it has.
    a.fetchTopicMetadata.mockRejectedValueOnce(new Error('This server does not host this topic-partition'));
    await sendBatchCompletely(sendBatch, batchOf(keys), counts);
    await counts.close();
    expect(a.fetchTopicMetadata).toHaveBeenCalledTimes(2);
    await sendBatchCompletely(sendBatch, batchOf(keys), counts);
    await counts.close();
    expect(a.fetchTopicMetadata).toHaveBeenCalledTimes(3);
  });

  it('refuses a topic the cluster has no partitions for, saying what to check', async () => {
    await expect(sendBatchCompletely(broker().sendBatch, batchOf(keys), new TopicPartitionCounts(admin(0)))).rejects.toThrow(/no partitions.*provisioned/);
  });
});
