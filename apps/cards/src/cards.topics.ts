import type { WebhookSpec } from '@platform/contracts';
import { listP100EventsType } from '@platform/p100-events';

export const SERVICE_NAME = 'cards';
export const SCHEMA = 'cards';

/** Gateway → cards commands; Nest answers on `cards.commands.reply`. Secure-lane commands never use it. */
export { CARDS_COMMANDS_TOPIC } from '@platform/contracts';

/** The operator read of the recorded P100 events: `cards.list-p100-events.v1`. */
export const LIST_P100_EVENTS = listP100EventsType(SERVICE_NAME);

/** Card transactions, 3DS codes and activation codes all arrive on the `card` family topic. */
export const CARDS_WEBHOOK_FAMILIES: readonly WebhookSpec['family'][] = ['card'];
