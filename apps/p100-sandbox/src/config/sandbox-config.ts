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
    /**
     * Longest sleep of a worker between looks at its tables (not scaled): only a safety net, since
     * writes to the queue tables wake the workers (LISTEN/NOTIFY) and they sleep until the next due row.
     */
    P100_SANDBOX_POLL_INTERVAL_MS: z.coerce.number().int().positive().default(30_000),
    /** EUR charged to the partner per Method B verification (amount not documented: 0 = free (inferred)); P433 when unfunded. */
    P100_SANDBOX_KYC_FEE_EUR: z.string().regex(/^\d+(\.\d{1,2})?$/).default('0'),
    /** Validity of an exchange rate lock (not scaled: clients see it in `validUntil`); current docs 60 s, oldest 40 s. */
    P100_SANDBOX_EXCHANGE_LOCK_TTL_MS: z.coerce.number().int().positive().default(60_000),
    /** `feePercentage` of exchange locks (docs example 1.49). */
    P100_SANDBOX_EXCHANGE_FEE_PERCENTAGE: z.string().regex(/^\d{1,2}(\.\d{1,4})?$/).default('1.49'),
    /**
     * Processing time of every asynchronous money step (before scaling; inferred): exchanges,
     * internal transfers, wallet creation, SEPA deposits and transfers, crypto deposits and
     * withdrawals, and order payments.
     */
    P100_SANDBOX_MONEY_PROCESSING_DELAY_MS: z.coerce.number().int().min(0).default(2000),
    /** Rate random walk: largest step per read in basis points (0 = fixed rates). */
    P100_SANDBOX_RATE_DRIFT_BPS: z.coerce.number().int().min(0).max(10_000).default(0),
    /** Rates drift at most this far from their base (basis points). */
    P100_SANDBOX_RATE_DRIFT_BOUND_BPS: z.coerce.number().int().min(0).max(9_999).default(1000),
    /** SEPA payout level: 1 = closed loop (own, whitelisted accounts only), 2 = open loop (legacy partners). */
    P100_SANDBOX_SEPA_LEVEL: z.enum(['1', '2']).default('1').transform((v) => (v === '1' ? 1 : 2) as 1 | 2),
    /** Incoming crypto above this EUR value waits for Travel Rule data (docs: "e.g. > USD 1,000"; EUR inferred). */
    P100_SANDBOX_TRAVEL_RULE_THRESHOLD_EUR: z.string().regex(/^\d+(\.\d+)?$/).default('1000'),
    /** Validity of an order rate lock (not scaled: clients see it in `expiresAt`). */
    P100_SANDBOX_ORDER_LOCK_TTL_MS: z.coerce.number().int().positive().default(60_000),
    /** How long an order (once it has a wallet address) or a payment link waits for the payment (before scaling; inferred). */
    P100_SANDBOX_PAYMENT_WINDOW_MS: z.coerce.number().int().positive().default(900_000),
    /** Base of the checkout URLs of payment links and hosted checkouts (inferred). */
    P100_SANDBOX_CHECKOUT_BASE_URL: z.url().transform((u) => u.replace(/\/+$/, '')).default('https://checkout.sandbox.p100.invalid'),
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
  kycFeeEur: string;
  exchangeLockTtlMs: number;
  exchangeFeePercentage: string;
  moneyProcessingDelayMs: number;
  rateDrift: { stepBps: number; boundBps: number };
  sepaLevel: 1 | 2;
  travelRuleThresholdEur: string;
  orderLockTtlMs: number;
  paymentWindowMs: number;
  checkoutBaseUrl: string;
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
    kycFeeEur: env.P100_SANDBOX_KYC_FEE_EUR,
    exchangeLockTtlMs: env.P100_SANDBOX_EXCHANGE_LOCK_TTL_MS,
    exchangeFeePercentage: env.P100_SANDBOX_EXCHANGE_FEE_PERCENTAGE,
    moneyProcessingDelayMs: env.P100_SANDBOX_MONEY_PROCESSING_DELAY_MS,
    rateDrift: { stepBps: env.P100_SANDBOX_RATE_DRIFT_BPS, boundBps: env.P100_SANDBOX_RATE_DRIFT_BOUND_BPS },
    sepaLevel: env.P100_SANDBOX_SEPA_LEVEL,
    travelRuleThresholdEur: env.P100_SANDBOX_TRAVEL_RULE_THRESHOLD_EUR,
    orderLockTtlMs: env.P100_SANDBOX_ORDER_LOCK_TTL_MS,
    paymentWindowMs: env.P100_SANDBOX_PAYMENT_WINDOW_MS,
    checkoutBaseUrl: env.P100_SANDBOX_CHECKOUT_BASE_URL,
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
