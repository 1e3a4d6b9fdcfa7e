import { webhookTopic, type WebhookSpec } from '@platform/contracts';

export const SERVICE_NAME = 'cards';
export const SCHEMA = 'cards';

/** Gateway → cards commands; Nest answers on `cards.commands.reply`. */
export const CARDS_COMMANDS_TOPIC = 'cards.commands';

/** Card transactions, 3DS codes and activation codes all arrive on the `card` family topic. */
export const CARDS_WEBHOOK_FAMILIES: readonly WebhookSpec['family'][] = ['card'];
export const CARDS_WEBHOOK_TOPICS: string[] = CARDS_WEBHOOK_FAMILIES.map(webhookTopic);
