// An outside consumer for benches: a plain kafkajs consumer (its own group, the client's default
// fetch settings: the broker answers a fetch as soon as a byte is there) that hands each message
// to whoever waits for its id, with the instant it was read. Messages nobody waits for yet are
// kept until they are asked for (a message can be read before its sender registered the wait).
import { randomUUID } from 'node:crypto';
import kafkajs from '../../tools/kafka/kafkajs.mjs';

const { Kafka, logLevel } = kafkajs;

/** Milliseconds since the epoch, sub-millisecond: comparable across processes on one machine. */
export const epochMs = () => performance.timeOrigin + performance.now();

/**
 * @param {{ brokers: string, topics: string[], idOf: (topic: string, message: import('kafkajs').KafkaMessage) => string | undefined, clientId?: string }} o
 * @returns {Promise<{ read: (id: string, timeoutMs?: number) => Promise<{ readAt: number, topic: string, message: import('kafkajs').KafkaMessage }>, stop: () => Promise<void> }>}
 */
export async function startTopicTap({ brokers, topics, idOf, clientId = 'bench-tap' }) {
  const kafka = new Kafka({ clientId, brokers: brokers.split(','), logLevel: logLevel.ERROR });
  const consumer = kafka.consumer({ groupId: `${clientId}-${randomUUID()}` });
  const waiting = new Map();
  const early = new Map();
  await consumer.connect();
  for (const topic of topics) await consumer.subscribe({ topic, fromBeginning: false });
  const joined = new Promise((resolve) => consumer.on(consumer.events.GROUP_JOIN, resolve));
  await consumer.run({
    eachMessage: async ({ topic, message }) => {
      const seen = { readAt: epochMs(), topic, message };
      const id = idOf(topic, message);
      if (id === undefined) return;
      const waiter = waiting.get(id);
      if (waiter) {
        waiting.delete(id);
        waiter(seen);
      } else early.set(id, seen);
    },
  });
  await joined;
  return {
    read: (id, timeoutMs = 30_000) => {
      const seen = early.get(id);
      if (seen) {
        early.delete(id);
        return Promise.resolve(seen);
      }
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiting.delete(id);
          reject(new Error(`no message ${id} on ${topics.join(', ')} within ${timeoutMs} ms`));
        }, timeoutMs);
        waiting.set(id, (s) => {
          clearTimeout(timer);
          resolve(s);
        });
      });
    },
    stop: () => consumer.disconnect(),
  };
}
