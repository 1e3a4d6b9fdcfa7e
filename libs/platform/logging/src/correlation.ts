import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/**
 * The correlation id follows one business request across HTTP, Kafka and the outbox: the gateway
 * takes it from `x-correlation-id` (or makes one), sends it as a Kafka header, consumers run their
 * handler inside it, and the outbox stores it with every event. Logs pick it up from here.
 */
const storage = new AsyncLocalStorage<{ correlationId: string; deadline?: number }>();

export const CORRELATION_HEADER = 'x-correlation-id';

export function newCorrelationId(): string {
  return randomUUID();
}

export function currentCorrelationId(): string | undefined {
  return storage.getStore()?.correlationId;
}

/**
 * Runs `fn` in a call's context: its correlation id and, when the caller set one, its absolute
 * deadline (epoch ms). Work started inside (a P100 call, a command sent on) reads both from here.
 */
export function runWithCorrelation<T>(correlationId: string | undefined, fn: () => T, deadline?: number): T {
  return storage.run({ correlationId: correlationId || newCorrelationId(), ...(deadline !== undefined ? { deadline } : {}) }, fn);
}

/**
 * The deadline of the call being worked on (epoch ms), if its caller gave one: the gateway
 * stamps every command with it, and the P100 client never waits past it.
 */
export function currentDeadline(): number | undefined {
  return storage.getStore()?.deadline;
}

/** Accepts a caller-supplied id only when it is a sane token, so logs cannot be polluted. */
export function sanitizeCorrelationId(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  return /^[A-Za-z0-9._:-]{1,128}$/.test(value) ? value : undefined;
}

/**
 * Binds the rest of the current async flow (an HTTP request, from a Fastify onRequest hook)
 * to a correlation id, where no callback can be wrapped.
 */
export function enterCorrelation(correlationId: string): void {
  storage.enterWith({ correlationId });
}
