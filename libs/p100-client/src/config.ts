import { isOperationName, OPERATIONS, pathParamsOf, type OperationName } from './operations';

export type P100Environment = 'sandbox' | 'staging' | 'production';

/** Base URLs from the contract; the sandbox has none (it runs wherever we start it). */
export const P100_BASE_URLS = {
  staging: 'https://partner-api-stage.p100.io',
  production: 'https://partner-api.p100.io',
} as const;

/** Subset of opossum's options that we expose; see breakers.ts for how they are used. */
export interface P100BreakerOptions {
  errorThresholdPercentage?: number;
  resetTimeout?: number;
  volumeThreshold?: number;
  rollingCountTimeout?: number;
  /**
   * This many failures in a row open the breaker whatever the volume: a hung P100 at low traffic
   * (one call every timeout) never reaches `volumeThreshold` inside the window. 0 turns it off.
   */
  consecutiveFailures?: number;
}

export interface P100RetryOptions {
  /** Total attempts including the first one; 1 disables retries. */
  maxAttempts?: number;
  baseDelayMs?: number;
  /** Longest Retry-After we wait for; a longer one is surfaced as P100RateLimitedError. */
  maxRetryAfterMs?: number;
}

export interface P100ClientConfig {
  baseUrl: string;
  apiKey: string;
  /** Per-call deadline, covering connect, headers and body. Default 10000. */
  timeoutMs?: number;
  environment?: P100Environment;
  breaker?: P100BreakerOptions;
  retry?: P100RetryOptions;
  /** Calls under way at once per endpoint group; more are refused at once (P100BulkheadFullError). Default 8. */
  maxConcurrentPerGroup?: number;
  /** Optional client-side token bucket, shared by every call of this client. */
  rateLimit?: { requestsPerSecond: number };
  /** Path template overrides, e.g. for the operations whose path the contract marks (inferred). */
  paths?: Partial<Record<OperationName, string>>;
}

export interface ResolvedP100Config {
  baseUrl: string;
  apiKey: string;
  timeoutMs: number;
  maxConcurrentPerGroup: number;
  environment?: P100Environment;
  breaker: Required<P100BreakerOptions>;
  retry: Required<P100RetryOptions>;
  rateLimit?: { requestsPerSecond: number };
  paths: Partial<Record<OperationName, string>>;
}

export const P100_DEFAULTS = {
  timeoutMs: 10_000,
  maxConcurrentPerGroup: 8,
  // The window spans six default timeouts, so a run of timeouts is seen together (docs/timeouts.md).
  breaker: { errorThresholdPercentage: 50, resetTimeout: 30_000, volumeThreshold: 10, rollingCountTimeout: 60_000, consecutiveFailures: 5 },
  retry: { maxAttempts: 3, baseDelayMs: 200, maxRetryAfterMs: 5_000 },
} as const;

export class P100ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid P100 client configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'P100ConfigError';
  }
}

/** Applies defaults and checks everything once, at start-up. Never echoes the API key. */
export function resolveP100Config(config: P100ClientConfig): ResolvedP100Config {
  const problems: string[] = [];
  const check = (ok: boolean, problem: string) => ok || problems.push(problem);

  check(typeof config.apiKey === 'string' && config.apiKey.trim() !== '', 'apiKey is required');
  check(config.apiKey === config.apiKey?.trim(), 'apiKey has leading or trailing whitespace (P100 answers 401)');
  check(isHttpUrl(config.baseUrl), `baseUrl must be an http(s) URL, got ${JSON.stringify(config.baseUrl)}`);
  const resolved: ResolvedP100Config = {
    baseUrl: String(config.baseUrl ?? '').replace(/\/+$/, ''),
    apiKey: config.apiKey,
    timeoutMs: config.timeoutMs ?? P100_DEFAULTS.timeoutMs,
    maxConcurrentPerGroup: config.maxConcurrentPerGroup ?? P100_DEFAULTS.maxConcurrentPerGroup,
    environment: config.environment,
    breaker: { ...P100_DEFAULTS.breaker, ...definedOnly(config.breaker) },
    retry: { ...P100_DEFAULTS.retry, ...definedOnly(config.retry) },
    rateLimit: config.rateLimit,
    paths: { ...config.paths },
  };
  check(isPositiveInt(resolved.timeoutMs), 'timeoutMs must be a positive integer');
  check(isPositiveInt(resolved.maxConcurrentPerGroup), 'maxConcurrentPerGroup must be a positive integer');
  check(isPositiveInt(resolved.retry.maxAttempts), 'retry.maxAttempts must be a positive integer');
  check(isNonNegative(resolved.retry.baseDelayMs), 'retry.baseDelayMs must be >= 0');
  check(isNonNegative(resolved.retry.maxRetryAfterMs), 'retry.maxRetryAfterMs must be >= 0');
  check(isPositiveInt(resolved.breaker.resetTimeout), 'breaker.resetTimeout must be a positive integer');
  check(isPositiveInt(resolved.breaker.rollingCountTimeout), 'breaker.rollingCountTimeout must be a positive integer');
  check(isNonNegative(resolved.breaker.volumeThreshold), 'breaker.volumeThreshold must be >= 0');
  check(isNonNegative(resolved.breaker.consecutiveFailures), 'breaker.consecutiveFailures must be >= 0');
  const pct = resolved.breaker.errorThresholdPercentage;
  check(isNonNegative(pct) && pct <= 100, 'breaker.errorThresholdPercentage must be within 0..100');
  if (resolved.rateLimit) {
    check(resolved.rateLimit.requestsPerSecond > 0, 'rateLimit.requestsPerSecond must be > 0');
  }
  problems.push(...pathOverrideProblems(resolved.paths));
  if (problems.length) throw new P100ConfigError(problems);
  return resolved;
}

/**
 * Builds the config from the environment: P100_API_KEY; P100_BASE_URL (or P100_ENVIRONMENT =
 * staging|production for the known URLs); optional P100_TIMEOUT_MS, P100_BREAKER_*, P100_RETRY_*,
 * P100_RATE_LIMIT_RPS and P100_PATHS (JSON object operationId → path template).
 */
export function p100ConfigFromEnv(env: Record<string, string | undefined> = process.env): P100ClientConfig {
  const problems: string[] = [];
  const read = (name: string) => {
    const value = env[name]?.trim();
    return value === '' ? undefined : value;
  };
  const int = (name: string): number | undefined => {
    const raw = read(name);
    if (raw === undefined) return undefined;
    if (!/^\d+$/.test(raw)) problems.push(`${name} must be a non-negative integer`);
    return Number(raw);
  };

  const environment = read('P100_ENVIRONMENT');
  if (environment !== undefined && !['sandbox', 'staging', 'production'].includes(environment)) {
    problems.push('P100_ENVIRONMENT must be one of sandbox, staging, production');
  }
  const knownUrl = P100_BASE_URLS[environment as keyof typeof P100_BASE_URLS] as string | undefined;
  const baseUrl = read('P100_BASE_URL') ?? knownUrl;
  if (baseUrl === undefined) {
    problems.push('P100_BASE_URL is required but not set (or set P100_ENVIRONMENT to staging or production)');
  }
  const apiKey = env['P100_API_KEY'];
  if (apiKey === undefined || apiKey.trim() === '') problems.push('P100_API_KEY is required but not set');

  let paths: Partial<Record<OperationName, string>> | undefined;
  const rawPaths = read('P100_PATHS');
  if (rawPaths !== undefined) {
    try {
      paths = JSON.parse(rawPaths) as Partial<Record<OperationName, string>>;
      if (typeof paths !== 'object' || paths === null || Array.isArray(paths)) throw new Error('not an object');
    } catch {
      problems.push('P100_PATHS must be a JSON object of operationId to path template');
    }
  }
  const rps = read('P100_RATE_LIMIT_RPS');
  if (rps !== undefined && !(Number(rps) > 0)) problems.push('P100_RATE_LIMIT_RPS must be a number > 0');

  const config: P100ClientConfig = {
    baseUrl: baseUrl ?? '',
    apiKey: apiKey ?? '',
    timeoutMs: int('P100_TIMEOUT_MS'),
    maxConcurrentPerGroup: int('P100_MAX_CONCURRENT_PER_GROUP'),
    environment: environment as P100Environment | undefined,
    breaker: {
      errorThresholdPercentage: int('P100_BREAKER_ERROR_THRESHOLD_PERCENTAGE'),
      resetTimeout: int('P100_BREAKER_RESET_TIMEOUT_MS'),
      volumeThreshold: int('P100_BREAKER_VOLUME_THRESHOLD'),
      rollingCountTimeout: int('P100_BREAKER_ROLLING_COUNT_TIMEOUT_MS'),
      consecutiveFailures: int('P100_BREAKER_CONSECUTIVE_FAILURES'),
    },
    retry: {
      maxAttempts: int('P100_RETRY_MAX_ATTEMPTS'),
      baseDelayMs: int('P100_RETRY_BASE_DELAY_MS'),
      maxRetryAfterMs: int('P100_RETRY_MAX_RETRY_AFTER_MS'),
    },
    rateLimit: rps === undefined ? undefined : { requestsPerSecond: Number(rps) },
    paths,
  };
  if (problems.length) throw new P100ConfigError(problems);
  resolveP100Config(config); // the same checks the client runs, now with variable-free messages
  return config;
}

/** An override must name a known operation and keep exactly the default's placeholders. */
function pathOverrideProblems(paths: Record<string, unknown>): string[] {
  const problems: string[] = [];
  for (const [name, template] of Object.entries(paths)) {
    if (template === undefined) continue;
    if (!isOperationName(name)) {
      problems.push(`paths.${name}: unknown operation`);
      continue;
    }
    if (typeof template !== 'string' || !template.startsWith('/')) {
      problems.push(`paths.${name} must be a path starting with /`);
      continue;
    }
    const expected = pathParamsOf(OPERATIONS[name].path).sort().join(',');
    const actual = pathParamsOf(template).sort().join(',');
    if (expected !== actual) problems.push(`paths.${name} must use the placeholders {${expected}} but uses {${actual}}`);
  }
  return problems;
}

function definedOnly<T extends object>(value: T | undefined): Partial<T> {
  return Object.fromEntries(Object.entries(value ?? {}).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function isHttpUrl(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

const isPositiveInt = (n: number) => Number.isInteger(n) && n > 0;
const isNonNegative = (n: number) => typeof n === 'number' && Number.isFinite(n) && n >= 0;
