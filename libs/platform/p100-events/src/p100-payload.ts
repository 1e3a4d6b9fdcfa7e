import { z } from 'zod';

/** A P100 webhook body as received: a JSON object. */
export type P100Payload = Record<string, unknown>;

/**
 * Any JSON object: P100's payloads are partly undocumented (webhooks.md marks most shapes
 * "(inferred)"), and refusing a field we did not expect would dead-letter a real outcome. Typed
 * schemas arrive with each event's domain logic.
 */
export const p100PayloadSchema: z.ZodType<P100Payload> = z.record(z.string(), z.unknown());

/**
 * Turns a payload into what may be stored, given its message type (`p100.webhook.<event>.v1`).
 * Returns a new object; used by services whose webhooks carry secrets (cards' one-time codes).
 */
export type P100PayloadRedactor = (payload: P100Payload, type: string) => P100Payload;
