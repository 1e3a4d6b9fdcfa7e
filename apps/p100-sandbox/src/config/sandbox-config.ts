import { z } from 'zod';
import { loadConfig, port, serviceEnv } from '@platform/config';

/** An unset variable and an empty one (`FOO=` in a .env file) mean the same: not configured. */
const optionalText = z.preprocess((v) => (v === '' ? undefined : v), z.string().min(1).optional());

const countryList = z
  .string()
  .transform((v) => new Set(v.split(',').map((c) => c.trim().toUpperCase()).filter(Boolean)));

/**
 * The sandbox's environment. It reuses the platform's database/log/host variables but not
 * KAFKA_BROKERS: the sandbox stands in for P100, which has no access to our Kafka.
 */
export const sandboxEnv = serviceEnv
  .pick({ DATABASE_URL: true, LOG_LEVEL: true, HOST: true })
  .extend({
    P100_SANDBOX_PORT: port(3100),
    /** The key partners send in `x-api-key`. */
    P100_SANDBOX_API_KEY: z.string().min(1),
    /** Protects /admin when set (header `x-admin-key`); /admin is open when unset. */
    P100_SANDBOX_ADMIN_KEY: optionalText,
    /** Base URL of our webhook-ingest (e.g. http://127.0.0.1:3004); no deliveries when unset. */
    P100_SANDBOX_WEBHOOK_URL: z.preprocess(
      (v) => (v === '' ? undefined : v),
      z.url({ protocol: /^https?$/ }).transform((u) => u.replace(/\/+$/, '')).optional(),
    ),
    /** Sent verbatim as the `Authorization` header of every webhook. */
    P100_SANDBOX_WEBHOOK_TOKEN: optionalText,
    /** Multiplies the webhook retry schedule, the webhook timeout and processing delays. */
    P100_SANDBOX_TIME_SCALE: z.coerce.number().positive().default(1),
    P100_SANDBOX_KYC_DECISION_DELAY_MS: z.coerce.number().int().min(0).default(1000),
    P100_SANDBOX_DEFAULT_KYC_DECISION: z.enum(['approve', 'reject']).default('approve'),
    /** Delay before the KYC File Added webhook (before scaling). */
    P100_SANDBOX_KYC_FILE_WEBHOOK_DELAY_MS: z.coerce.number().int().min(0).default(1000),
    /** Residence countries answered with P431. */
    P100_SANDBOX_FORBIDDEN_COUNTRIES: countryList.default(new Set(['KP', 'IR', 'SY', 'CU', 'RU', 'BY'])),
    P100_SANDBOX_DB_SCHEMA: z.string().regex(/^[a-z][a-z0-9_]{0,62}$/).default('p100_sandbox'),
    /** Upper bound on how long the workers sleep between looks at their tables (not scaled). */
    P100_SANDBOX_POLL_INTERVAL_MS: z.coerce.number().int().positive().default(250),
  })
  .superRefine((env, ctx) => {
    if (env.P100_SANDBOX_WEBHOOK_URL && !env.P100_SANDBOX_WEBHOOK_TOKEN) {
      ctx.addIssue({
        code: 'custom',
        path: ['P100_SANDBOX_WEBHOOK_TOKEN'],
        message: 'is required when P100_SANDBOX_WEBHOOK_URL is set (P100 always sends an Authorization token)',
      });
    }
  });

export type SandboxEnv = z.infer<typeof sandboxEnv>;

/** What the app runs on: the validated environment in a shape the code reads easily. */
export interface SandboxConfig {
  databaseUrl: string;
  schema: string;
  host: string;
  port: number;
  logLevel: string;
  apiKey: string;
  adminKey?: string;
  webhook: { baseUrl?: string; token?: string };
  timeScale: number;
  kycDecisionDelayMs: number;
  defaultKycDecision: 'approve' | 'reject';
  kycFileWebhookDelayMs: number;
  forbiddenCountries: ReadonlySet<string>;
  pollIntervalMs: number;
}

export function sandboxConfigFrom(env: SandboxEnv): SandboxConfig {
  return {
    databaseUrl: env.DATABASE_URL,
    schema: env.P100_SANDBOX_DB_SCHEMA,
    host: env.HOST,
    port: env.P100_SANDBOX_PORT,
    logLevel: env.LOG_LEVEL,
    apiKey: env.P100_SANDBOX_API_KEY,
    adminKey: env.P100_SANDBOX_ADMIN_KEY,
    webhook: { baseUrl: env.P100_SANDBOX_WEBHOOK_URL, token: env.P100_SANDBOX_WEBHOOK_TOKEN },
    timeScale: env.P100_SANDBOX_TIME_SCALE,
    kycDecisionDelayMs: env.P100_SANDBOX_KYC_DECISION_DELAY_MS,
    defaultKycDecision: env.P100_SANDBOX_DEFAULT_KYC_DECISION,
    kycFileWebhookDelayMs: env.P100_SANDBOX_KYC_FILE_WEBHOOK_DELAY_MS,
    forbiddenCountries: env.P100_SANDBOX_FORBIDDEN_COUNTRIES,
    pollIntervalMs: env.P100_SANDBOX_POLL_INTERVAL_MS,
  };
}

/** Fails fast, naming every missing or malformed variable. */
export function loadSandboxConfig(env: NodeJS.ProcessEnv = process.env): SandboxConfig {
  return sandboxConfigFrom(loadConfig(sandboxEnv, env));
}

/** Scales a duration of P100's timeline (retry delays, processing delays) to the sandbox's. */
export function scaled(config: Pick<SandboxConfig, 'timeScale'>, ms: number): number {
  return Math.round(ms * config.timeScale);
}
