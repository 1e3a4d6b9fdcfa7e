import { z } from 'zod';
import { loadConfig, port, serviceEnv } from '@platform/config';

export const webhookIngestEnv = serviceEnv.extend({
  PORT: port(3004),
  /** The Authorization token P100 sends with every webhook. */
  P100_WEBHOOK_TOKEN: z.string().min(16, 'must be at least 16 characters'),
  /** The token being rotated out; accepted until the rotation is finished. */
  P100_WEBHOOK_TOKEN_PREVIOUS: z.string().min(16).optional(),
  WEBHOOK_BODY_LIMIT_BYTES: z.coerce.number().int().positive().default(256 * 1024),
});
export type WebhookIngestConfig = z.infer<typeof webhookIngestEnv>;

export const WEBHOOK_INGEST_CONFIG = Symbol('WEBHOOK_INGEST_CONFIG');

export function loadWebhookIngestConfig(env: NodeJS.ProcessEnv = process.env): WebhookIngestConfig {
  return loadConfig(webhookIngestEnv, env);
}
