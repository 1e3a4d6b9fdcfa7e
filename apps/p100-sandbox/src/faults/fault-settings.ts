import { z } from 'zod';
import { ENDPOINT_GROUPS } from '@platform/p100-client';
import { P100_ERROR_CODES, type P100ErrorCode } from '../errors/p100-error-codes';

export const endpointGroup = z.enum(ENDPOINT_GROUPS);

const errorCode = z
  .string()
  .refine((c): c is P100ErrorCode => Object.hasOwn(P100_ERROR_CODES, c), 'must be a P100 error code (P500, P501, ...)');

/**
 * What goes wrong. P100 answers its own outages as HTTP 400 with P500/P501, which is the
 * default of `error`; `httpStatus` sends the same body with a 5xx instead. The 429 and 503
 * bodies are not documented anywhere (P100 has no documented rate limit), so they are inferred.
 */
const failure = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('error'), errorCode, httpStatus: z.number().int().min(400).max(599).optional() }),
  z.object({ kind: z.literal('rate-limit'), retryAfterSeconds: z.number().int().min(0).max(3600).default(1) }),
  /** No answer until the client gives up (its own timeout closes the connection). */
  z.object({ kind: z.literal('timeout') }),
  z.object({ kind: z.literal('outage'), mode: z.enum(['connection-reset', 'service-unavailable']).default('service-unavailable') }),
]);

export const faultSettings = z
  .object({
    /** Added before the request is processed (not scaled: it is what the client sees). */
    latencyMs: z.number().int().min(0).max(120_000).default(0),
    /**
     * Added after the request was processed, before the answer leaves: P100 acted, and a client
     * that gives up first never learns it (the case the platform's reconciler settles).
     */
    answerLatencyMs: z.number().int().min(0).max(120_000).default(0),
    failure: failure.optional(),
    /** Share of the affected requests that fail; 1 makes the fault deterministic. A probability, not money. */
    errorRate: z.number().min(0).max(1).default(1),
    /** Only the next `count` requests of the group are affected; unset = until cleared. */
    count: z.number().int().min(1).max(1_000_000).optional(),
  })
  .refine((s) => s.latencyMs > 0 || s.answerLatencyMs > 0 || s.failure !== undefined, 'a fault needs latencyMs, answerLatencyMs or failure');

export type FaultSettings = z.infer<typeof faultSettings>;
export type FaultFailure = NonNullable<FaultSettings['failure']>;
