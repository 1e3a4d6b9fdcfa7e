import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/**
 * The correlation id follows one business request across HTTP, Kafka and the outbox: the gateway
 * takes it from `x-correlation-id` (or makes one), sends it as a Kafka header, consumers run their
 * handler inside it, and the outbox stores it with every event. Logs pick it up from here.
 */
const storage = new AsyncLocalStorage<{ correlationId: string }>();

export const CORRELATION_HEADER = 'x-correlation-id';

export function newCorrelationId(): string {
  return randomUUID();
}

export function currentCorrelationId(): string | undefined {
  return storage.getStore()?.correlationId;
}

export function runWithCorrelation<T>(correlationId: string | undefined, fn: () => T): T {
  return storage.run({ correlationId: correlationId || newCorrelationId() }, fn);
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
