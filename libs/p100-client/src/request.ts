import type { Registry } from 'prom-client';
import { currentCorrelationId, currentDeadline } from '@platform/logging';
import { GroupBreakers, type BreakerState } from './breakers';
import { GroupBulkheads } from './bulkheads';
import { resolveP100Config, type P100ClientConfig, type ResolvedP100Config } from './config';
import {
  P100AuthError,
  P100BulkheadFullError,
  P100CircuitOpenError,
  P100DeadlineExceededError,
  P100Error,
  P100LocalValidationError,
  P100NetworkError,
  P100RateLimitedError,
  P100TimeoutError,
} from './errors';
import { httpCall } from './http-call';
import { stringifyJson, withNumberFields } from './json';
import { p100Metrics, type RequestOutcome } from './metrics';
import { fillPath, OPERATIONS, pathParamsOf, type EndpointGroup, type HttpMethod, type OperationName, type OperationSpec } from './operations';
import { TokenBucket } from './rate-limiter';
import { retryDecision } from './retry';
import { createUndiciTransport, fetchTransport, type HttpTransport } from './transport';

export interface P100Request {
  operation: OperationName;
  /** Defaults to the operation's group in the catalog. */
  group?: EndpointGroup;
  /** Defaults to the operation's method in the catalog. */
  method?: HttpMethod;
  /** Path template; `config.paths[operation]` wins, then this, then the catalog's default. */
  path?: string;
  pathParams?: Readonly<Record<string, string>>;
  query?: Readonly<Record<string, string | number | boolean | undefined>>;
  /** A JSON value (see json.ts for exact numbers) or a multipart FormData. */
  body?: unknown;
  /** Safe to send again after an ambiguous failure. Default: true for GET only. */
  idempotent?: boolean;
  /** Overrides `config.timeoutMs` for this call. */
  timeoutMs?: number;
  /**
   * Absolute deadline (epoch ms); default: the deadline of the command being handled
   * (@platform/logging currentDeadline). No attempt, wait or retry goes past it.
   */
  deadline?: number;
}

export type P100Send = <T>(request: P100Request) => Promise<T>;

export interface P100Sender extends P100Send {
  breakerState(group: EndpointGroup): BreakerState;
  /** Stops the breakers' timers and closes the connection pool (calls under way finish first). */
  shutdown(): Promise<void>;
}

export interface P100ClientDeps {
  /** Where the client's metrics live. Default: prom-client's global registry. */
  registry?: Registry;
  /** The network port; default: undici's `request` on a keep-alive pool of this client's own. */
  transport?: HttpTransport;
  /** A `fetch` to send through instead (tests); ignored when `transport` is given. */
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  now?: () => number;
}

/**
 * THE request path to P100. Everything a call needs beyond its operation and data lives here:
 * auth, URL, deadline, body encoding, breaker, retries, rate limit, error mapping and metrics.
 */
export function createSender(config: P100ClientConfig | ResolvedP100Config, deps: P100ClientDeps = {}): P100Sender {
  const resolved = resolveP100Config(config);
  const transport = deps.transport ?? (deps.fetch ? fetchTransport(deps.fetch) : createUndiciTransport());
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const random = deps.random ?? Math.random;
  const now = deps.now ?? Date.now;
  const metrics = p100Metrics(deps.registry);
  const breakers = new GroupBreakers(resolved.breaker, metrics);
  const bulkheads = new GroupBulkheads(resolved.maxConcurrentPerGroup, metrics);
  const limiter = resolved.rateLimit ? new TokenBucket(resolved.rateLimit.requestsPerSecond, undefined, now, sleep) : undefined;

  // What a call of an operation needs that does not change between calls, built on its first call.
  const plans = new Map<OperationName, OperationPlan>();
  const planOf = (operation: OperationName): OperationPlan => {
    let plan = plans.get(operation);
    if (!plan) {
      const spec = OPERATIONS[operation];
      const template = resolved.paths[operation] ?? spec.path;
      plan = { spec, template, staticUrl: pathParamsOf(template).length === 0 ? resolved.baseUrl + template : undefined };
      plans.set(operation, plan);
    }
    return plan;
  };

  const send = async <T>(request: P100Request): Promise<T> => {
    const operation = request.operation;
    const { spec, template: planned, staticUrl } = planOf(operation);
    const group = request.group ?? spec.group;
    const method = request.method ?? spec.method;
    const template = resolved.paths[operation] ?? request.path ?? planned;
    const url =
      staticUrl !== undefined && template === planned && !request.query
        ? staticUrl
        : resolved.baseUrl + fillPath(template, request.pathParams, operation) + queryString(request.query);
    const body = encodeBody(request.body, spec.numberFields, operation);
    const idempotent = request.idempotent ?? method === 'GET';
    const ownTimeoutMs = request.timeoutMs ?? resolved.timeoutMs;
    const deadline = request.deadline ?? currentDeadline();

    for (let attempt = 1; ; attempt++) {
      await limiter?.acquire();
      // The lesser of our own timeout and what is left of the caller's deadline.
      const left = deadline === undefined ? Infinity : deadline - now();
      if (left <= 0) {
        record('deadline_exceeded', performance.now());
        throw new P100DeadlineExceededError(false, operation);
      }
      const timeoutMs = Math.min(ownTimeoutMs, Math.floor(left));
      const started = performance.now();
      try {
        // The group's bulkhead outside the breaker: a refusal for lack of slots says nothing
        // about P100, so the breaker never sees it (an open breaker still fails fast inside).
        const result = await bulkheads.run(group, operation, () =>
          breakers.fire(group, operation, () =>
            httpCall({ operation, method, url, apiKey: resolved.apiKey, body, timeoutMs, accept: spec.accept, correlationId: currentCorrelationId() }, { transport, now }).catch((error: unknown) => {
              // Cut short by the caller's deadline, not by our own timeout: P100 is not to blame.
              if (error instanceof P100TimeoutError && timeoutMs < ownTimeoutMs) throw new P100DeadlineExceededError(true, operation);
              throw error;
            }),
          ),
        );
        record('success', started);
        return result as T;
      } catch (error) {
        record(outcomeOf(error), started);
        const decision = retryDecision(error, { attempt, idempotent, retry: resolved.retry, random });
        if (!decision) throw error;
        if (deadline !== undefined && now() + decision.delayMs >= deadline) throw error;
        metrics.retries.inc({ operation, reason: decision.reason });
        await sleep(decision.delayMs);
      }
    }

    function record(outcome: RequestOutcome, started: number) {
      metrics.requests.inc({ operation, outcome });
      metrics.duration.observe({ operation, outcome }, (performance.now() - started) / 1000);
    }
  };

  return Object.assign(send, {
    breakerState: (group: EndpointGroup) => breakers.state(group),
    shutdown: () => {
      breakers.shutdown();
      return transport.close();
    },
  });
}

interface OperationPlan {
  spec: OperationSpec;
  /** The path template in force (config.paths, else the catalog's). */
  template: string;
  /** The whole URL, for templates without placeholders. */
  staticUrl?: string;
}

function encodeBody(body: unknown, numberFields: readonly string[] | undefined, operation: string): string | FormData | undefined {
  if (body === undefined) return undefined;
  if (body instanceof FormData) return body;
  try {
    return stringifyJson(withNumberFields(body, numberFields));
  } catch (error) {
    throw new P100LocalValidationError([(error as Error).message], operation);
  }
}

function queryString(query: P100Request['query']): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined) params.append(key, String(value));
  const text = params.toString();
  return text ? `?${text}` : '';
}

function outcomeOf(error: unknown): RequestOutcome {
  if (error instanceof P100CircuitOpenError) return 'circuit_open';
  if (error instanceof P100DeadlineExceededError) return 'deadline_exceeded';
  if (error instanceof P100BulkheadFullError) return 'bulkhead_full';
  if (error instanceof P100TimeoutError) return 'timeout';
  if (error instanceof P100NetworkError) return 'network_error';
  if (error instanceof P100RateLimitedError) return 'rate_limited';
  if (error instanceof P100AuthError) return 'auth_error';
  if (!(error instanceof P100Error)) return 'unexpected_response';
  if (error.isOutage) return 'outage';
  return /^P\d{3}$/.test(error.code) ? 'business_error' : 'unexpected_response';
}
