import { ClientKafka } from '@nestjs/microservices';
import type { Consumer, Kafka } from 'kafkajs';
import { firstValueFrom, timeout as rxTimeout, TimeoutError } from 'rxjs';
import { DomainError, MessageHeaders, commandReplySchema, type CommandReply } from '@platform/contracts';
import { currentCorrelationId, currentDeadline, newCorrelationId } from '@platform/logging';
import { kafkaClientOptions } from './kafka-microservice';
import type { KafkaSettings } from './kafka-settings';
import { withRequestMetrics } from './kafka-request.metrics';
import { withCoalescedProducers } from './send-coalescer';
import { kafkaTopic } from './topic-namespace';

export interface SendCommandOptions {
  /** Message key: the aggregate whose commands must stay in order (externalUserId...). */
  key: string;
  /** How long to wait for the reply; also sent on as the command's deadline. */
  timeoutMs?: number;
}

/** Nest's Kafka client, its commands sent through a coalescing producer (send-coalescer.ts). */
class CoalescingClientKafka extends ClientKafka {
  override async createClient<T = Kafka>(): Promise<T> {
    return withRequestMetrics(withCoalescedProducers((await super.createClient()) as Kafka)) as T;
  }
}

/**
 * Gateway side of request-reply over Kafka (Nest's ClientKafka): sends a command to
 * `<topic>` and waits for its reply on `<topic>.reply`. A missing reply becomes a typed
 * UPSTREAM_TIMEOUT; callers retry safely because commands carry idempotency keys.
 */
export class CommandBus {
  private readonly client: ClientKafka;
  private connected = false;

  constructor(
    settings: KafkaSettings,
    groupId: string,
    private readonly topics: string[],
    private readonly defaultTimeoutMs = 15_000,
  ) {
    this.client = new CoalescingClientKafka(kafkaClientOptions(settings, groupId) as never);
    for (const topic of topics) this.client.subscribeToResponseOf(kafkaTopic(topic));
  }

  get isConnected(): boolean {
    return this.connected;
  }

  async connect(): Promise<void> {
    await this.client.connect();
    await this.startRepliesAtTheEnd();
    this.connected = true;
  }

  /**
   * A new reply consumer resolves where to start ("latest") only at its first fetch, which may
   * come after the reply to our first request has been written: that reply would be skipped and
   * the caller would wait out its timeout. So the end offsets of our reply partitions are read
   * now, before anyone may send, and the consumer starts exactly there: every reply to a request
   * sent after connect() is seen. (Older replies belong to requests whose callers have gone.)
   */
  private async startRepliesAtTheEnd(): Promise<void> {
    // Nest keeps its kafkajs client and consumer in protected fields.
    const internals = this.client as unknown as { _consumer?: Consumer | null; client?: Kafka | null };
    const consumer = internals._consumer;
    if (!consumer || !internals.client) throw new Error('CommandBus: Nest ClientKafka no longer keeps its consumer in _consumer (its internals changed); see startRepliesAtTheEnd');
    const admin = internals.client.admin();
    await admin.connect();
    try {
      for (const topic of this.topics.map((t) => `${kafkaTopic(t)}.reply`)) {
        for (const { partition, high } of await admin.fetchTopicOffsets(topic)) consumer.seek({ topic, partition, offset: high });
      }
    } finally {
      await admin.disconnect();
    }
  }

  async close(): Promise<void> {
    this.connected = false;
    await this.client.close();
  }

  /** Resolves with the reply's data, or throws DomainError carrying the reply's error code. */
  async request<T>(topic: string, type: string, payload: unknown, options: SendCommandOptions): Promise<T> {
    if (!this.topics.includes(topic)) throw new Error(`CommandBus not subscribed to replies of ${topic}`);
    const correlationId = currentCorrelationId() ?? newCorrelationId();
    // The command's deadline: when we stop waiting, or earlier if our own caller's comes first.
    const now = Date.now();
    const ambient = currentDeadline();
    const deadline = Math.min(now + (options.timeoutMs ?? this.defaultTimeoutMs), ambient ?? Infinity);
    const timeoutMs = deadline - now;
    if (timeoutMs <= 0) throw new DomainError('DEADLINE_EXCEEDED', `the deadline passed before ${type} could be sent`);
    const reply$ = this.client.send<CommandReply<T>>(kafkaTopic(topic), {
      key: options.key,
      value: { type, payload },
      headers: { [MessageHeaders.correlationId]: correlationId, [MessageHeaders.type]: type, [MessageHeaders.deadline]: String(deadline) },
    });
    let raw: unknown;
    try {
      raw = await firstValueFrom(reply$.pipe(rxTimeout(timeoutMs)));
    } catch (error) {
      if (error instanceof TimeoutError) {
        throw new DomainError('UPSTREAM_TIMEOUT', `no reply to ${type} within ${timeoutMs} ms`);
      }
      throw error;
    }
    const reply = commandReplySchema.parse(raw);
    if (reply.ok) return reply.data as T;
    throw new DomainError(reply.error.code, reply.error.message, reply.error.details);
  }

  /** Ready once the reply consumer holds its reply partitions (Nest records them on group join). */
  get hasReplyPartitions(): boolean {
    const assignments = (this.client as unknown as { consumerAssignments?: Record<string, unknown> }).consumerAssignments ?? {};
    return this.connected && Object.keys(assignments).length > 0;
  }
}
