// The Kafka topic catalog: the single place that names every topic, its key and partitions.
// Provisioning reads it (the dev broker pre-creates these topics; tools/kafka/provision-topics.mjs
// creates them on real Kafka). Plain data with erasable types only, so Node can also load this file
// directly (type stripping) from the .mjs tooling without a build.

export interface TopicSpec {
  /** `<owner>.<kind>[.<name>]` */
  readonly name: string;
  /** The aggregate whose order matters; used as the message key. */
  readonly key: string;
  readonly partitions: number;
  readonly description: string;
  /** Consumers of this topic send poison messages to `<name>.dlq`. */
  readonly dlq: boolean;
}

/**
 * Reply topics of Nest's Kafka request-reply need at least as many partitions as there are
 * gateway replicas: each replica is assigned its own reply partition.
 */
export const GATEWAY_MAX_REPLICAS = 4;

const command = (owner: string, description: string): TopicSpec[] => [
  { name: `${owner}.commands`, key: 'externalUserId', partitions: 4, description, dlq: false },
  {
    name: `${owner}.commands.reply`,
    key: 'correlation',
    partitions: GATEWAY_MAX_REPLICAS,
    description: `Replies to ${owner}.commands (Nest request-reply)`,
    dlq: false,
  },
];

const webhooks = (family: string, key: string, description: string): TopicSpec => ({
  name: `p100.webhooks.${family}`,
  key,
  partitions: 4,
  description,
  dlq: true,
});

export const TOPIC_CATALOG: readonly TopicSpec[] = [
  ...command('onboarding', 'Gateway → onboarding-kyc commands (create user, KYC, reads)'),
  ...command('payments', 'Gateway → payments commands (exchange, SEPA, crypto, transfers, orders)'),
  ...command('cards', 'Gateway → cards commands (virtual cards)'),
  webhooks('user', 'externalUserId', 'P100 user & KYC webhooks: user status, KYC files, KYC verification, POA, high risk'),
  webhooks('wallet', 'currency', 'P100 Create Wallet webhooks'),
  webhooks('transfer', 'transferId', 'P100 internal transfer webhooks'),
  webhooks('sepa', 'externalUserId', 'P100 SEPA webhooks: IBAN status, partner/user SEPA transfer, SEPA deposit'),
  webhooks('crypto', 'externalUserId', 'P100 crypto withdrawal and deposit webhooks'),
  webhooks('exchange', 'exchangeId', 'P100 exchange webhooks'),
  webhooks('card', 'cardId', 'P100 card transaction, 3DS code and activation code webhooks'),
  webhooks('order', 'orderId', 'P100 order status and payment link webhooks'),
  { name: 'onboarding.events', key: 'externalUserId', partitions: 4, description: 'Onboarding settlement events', dlq: false },
  { name: 'payments.events', key: 'aggregateId', partitions: 4, description: 'Payments settlement events', dlq: false },
  { name: 'cards.events', key: 'cardId', partitions: 4, description: 'Card events', dlq: false },
];

/** Every topic to provision, dead-letter topics included. */
export function allTopicNames(): { name: string; partitions: number }[] {
  return TOPIC_CATALOG.flatMap((t) =>
    t.dlq ? [{ name: t.name, partitions: t.partitions }, { name: `${t.name}.dlq`, partitions: 1 }] : [{ name: t.name, partitions: t.partitions }],
  );
}
