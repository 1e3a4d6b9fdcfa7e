import type { WebhookSpec } from '@platform/contracts';
import { listP100EventsType } from '@platform/p100-events';

export const SERVICE_NAME = 'payments';
export const SCHEMA = 'payments';

/** Gateway → payments commands; Nest answers on `payments.commands.reply`. */
export { PAYMENTS_COMMANDS_TOPIC } from '@platform/contracts';

/** The operator read of the recorded P100 events: `payments.list-p100-events.v1`. */
export const LIST_P100_EVENTS = listP100EventsType(SERVICE_NAME);

/** The P100 webhook families whose final outcomes belong to payments. */
export const PAYMENTS_WEBHOOK_FAMILIES: readonly WebhookSpec['family'][] = ['exchange', 'sepa', 'crypto', 'transfer', 'order'];
