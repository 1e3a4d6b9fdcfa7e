import { webhookTopic, type WebhookSpec } from '@platform/contracts';

export const SERVICE_NAME = 'payments';
export const SCHEMA = 'payments';

/** Gateway → payments commands; Nest answers on `payments.commands.reply`. */
export const PAYMENTS_COMMANDS_TOPIC = 'payments.commands';

/** The P100 webhook families whose final outcomes belong to payments. */
export const PAYMENTS_WEBHOOK_FAMILIES: readonly WebhookSpec['family'][] = ['exchange', 'sepa', 'crypto', 'transfer', 'order'];
export const PAYMENTS_WEBHOOK_TOPICS: string[] = PAYMENTS_WEBHOOK_FAMILIES.map(webhookTopic);
