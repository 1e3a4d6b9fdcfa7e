import { z } from 'zod';
import { loadConfig, port, serviceEnv } from '@platform/config';
import { OneTimeCodeSealer } from '@platform/secrets';

export const webhookIngestEnv = serviceEnv.extend({
  PORT: port(3004),
  /** The Authorization token P100 sends with every webhook. */
  P100_WEBHOOK_TOKEN: z.string().min(16, 'must be at least 16 characters'),
  /** The token being rotated out; accepted until the rotation is finished. */
  P100_WEBHOOK_TOKEN_PREVIOUS: z.string().min(16).optional(),
  /**
   * Keys that seal one-time card codes before a webhook is stored or published:
   * `<id>:<32 bytes base64>[,<id>:<key>]`, the first seals, all open (rotation: docs/webhooks.md).
   */
  P100_CODE_KEYS: z.string().min(1).superRefine((text, ctx) => {
    try {
      OneTimeCodeSealer.fromConfig(text);
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: (error as Error).message });
    }
  }),
  /** Larger webhook bodies are refused with 413 before they are stored. */
  WEBHOOK_BODY_LIMIT_BYTES: z.coerce.number().int().positive().default(256 * 1024),
  /** Bearer token of the operator API (/admin/webhooks...). Unset: the operator API refuses every call. */
  WEBHOOK_ADMIN_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  /** Received webhooks older than this (and already published) are deleted. */
  WEBHOOK_RETENTION_DAYS: z.coerce.number().int().positive().default(30),
  WEBHOOK_RETENTION_INTERVAL_MS: z.coerce.number().int().positive().default(60 * 60_000),
  /**
   * Group commit of received webhooks (webhooks/group-commit.ts): requests that arrive together
   * share one transaction. At most this many per commit…
   */
  WEBHOOK_COMMIT_MAX_BATCH: z.coerce.number().int().positive().max(10_000).default(256),
  /** …this many commits at once (each holds a database connection; the pool has 10)… */
  WEBHOOK_COMMIT_MAX_IN_FLIGHT: z.coerce.number().int().positive().max(8).default(2),
  /** …and a second commit starts beside a slow one once a request has waited this long. */
  WEBHOOK_COMMIT_MAX_WAIT_MS: z.coerce.number().nonnegative().max(1_000).default(2),
  /** Requests waiting for a commit beyond which new ones get 503 with Retry-After (Postgres slow). */
  WEBHOOK_COMMIT_MAX_QUEUE: z.coerce.number().int().positive().default(2_000),
  /** The same bound in bytes of waiting bodies: memory stays bounded whatever the body sizes. */
  WEBHOOK_COMMIT_MAX_QUEUE_BYTES: z.coerce.number().int().positive().default(32 * 1024 * 1024),
  /** Postgres schema of the service; tests and benchmarks give each run its own. */
  WEBHOOK_INGEST_DB_SCHEMA: z
    .string()
    .regex(/^[a-z_][a-z0-9_]{0,62}$/, 'must be a lower-case SQL identifier')
    .default('webhook_ingest'),
});
export type WebhookIngestConfig = z.infer<typeof webhookIngestEnv>;

export const WEBHOOK_INGEST_CONFIG = Symbol('WEBHOOK_INGEST_CONFIG');

export function loadWebhookIngestConfig(env: NodeJS.ProcessEnv = process.env): WebhookIngestConfig {
  return loadConfig(webhookIngestEnv, env);
}
