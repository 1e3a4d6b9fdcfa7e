import type { P100PayloadRedactor } from './p100-payload';

/** Run-time options of P100EventsModule (the webhook families are a definition-time extra). */
export interface P100EventsModuleOptions {
  /**
   * Whether the operator query returns each event's payload and occurrence time. Without them
   * the listing is the summary {type, key, eventId, receivedAt}; services whose payloads hold
   * secrets (cards) keep it off.
   */
  includePayloads: boolean;
  /** Applied to every payload before it is stored; omit when the payloads carry no secrets. */
  redact?: P100PayloadRedactor;
}

/** Injection token of the options; its own constant so the providers need not import the module. */
export const P100_EVENTS_OPTIONS = Symbol('P100_EVENTS_OPTIONS');
