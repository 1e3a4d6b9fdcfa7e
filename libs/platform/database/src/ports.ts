import type { OutgoingMessage } from '@platform/contracts';

/** Where the outbox relay and the inbox's dead-letter path send messages (Kafka in production). */
export interface MessagePublisher {
  publish(messages: OutgoingMessage[]): Promise<void>;
}
