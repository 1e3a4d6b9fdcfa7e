import { WEBHOOK_CATALOG, webhookMessageType, type WebhookSpec } from '@platform/contracts';
import type { InboxContext, InboxHandler, InboxHandlers } from '@platform/database';
import type { P100EventRecorder } from './p100-event.recorder';
import { p100PayloadSchema, type P100Payload } from './p100-payload';

/** A service's own work on a recorded event, in the same inbox transaction (e.g. settling a payment). */
export type P100EventEffect = (payload: P100Payload, context: InboxContext) => Promise<void>;

/**
 * One inbox handler per catalog event of the given families, keyed by the message `type`
 * (`p100.webhook.<event>.v1`). Types missing from the map are ignored by the inbox consumer,
 * so a newer webhook-ingest can publish new events without breaking the service. `effect` runs
 * after the event is recorded, in the same transaction: both commit, or neither.
 */
export function p100WebhookHandlers(families: readonly WebhookSpec['family'][], recorder: P100EventRecorder, effect?: P100EventEffect): InboxHandlers {
  return Object.fromEntries(
    WEBHOOK_CATALOG.filter((spec) => families.includes(spec.family)).map((spec) => {
      const type = webhookMessageType(spec.event);
      const handler: InboxHandler<P100Payload> = {
        schema: p100PayloadSchema,
        handle: async (payload, context) => {
          await recorder.record(payload, context);
          await effect?.(payload, context);
        },
        // The same redaction as the table: a dead letter must not carry a one-time code either.
        ...(recorder.redacts ? { redactDeadLetter: (value: unknown) => recorder.redactForStorage(value, type) } : {}),
      };
      return [type, handler];
    }),
  );
}
