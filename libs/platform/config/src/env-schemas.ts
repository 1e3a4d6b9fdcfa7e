import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1');

export const port = (fallback: number) => z.coerce.number().int().min(0).max(65535).default(fallback);

/** Variables every service reads. Service-specific schemas extend this one. */
export const serviceEnv = z.object({
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL'),
  KAFKA_BROKERS: z
    .string()
    .min(1)
    .transform((v) => v.split(',').map((b) => b.trim()).filter(Boolean)),
  /** The librdkafka mock broker: no idempotent producer, short fetch waits (see docs/decisions). */
  KAFKA_DEV_BROKER: bool.default(false),
  /** How long a fetch may wait on the broker; the mock holds empty fetches for this long. */
  KAFKA_MAX_WAIT_MS: z.coerce.number().int().positive().optional(),
  /** Messages of different keys a service works on at once; one key's stay in order. */
  KAFKA_KEY_CONCURRENCY: z.coerce.number().int().min(1).max(1024).default(16),
  /** How long a crashed consumer's partitions wait before the group takes them over (30 s; the broker's minimum is 6 s). */
  KAFKA_SESSION_TIMEOUT_MS: z.coerce.number().int().min(6_000).max(300_000).default(30_000),
  /** The least time between a consumer's offset commits (200 ms): one commit per message costs a broker round trip; a crash redelivers at most this much more done work, which the inbox dedupes. */
  KAFKA_COMMIT_INTERVAL_MS: z.coerce.number().int().min(0).max(60_000).default(200),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  HOST: z.string().default('127.0.0.1'),
});

export type ServiceEnv = z.infer<typeof serviceEnv>;

/**
 * The intent reconciler's timing (docs/resilience.md), for services whose P100 calls can lose
 * their answer: how often it runs, how long an unknown outcome waits for its webhook before P100
 * is asked, and how long a pending call may take before it counts as lost.
 */
export const intentReconcileEnv = {
  INTENT_RECONCILE_INTERVAL_MS: z.coerce.number().int().positive().default(15_000),
  INTENT_RECONCILE_UNKNOWN_AFTER_MS: z.coerce.number().int().min(0).default(10_000),
  INTENT_RECONCILE_PENDING_AFTER_MS: z.coerce.number().int().positive().default(60_000),
};

export const envBool = bool;
