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
  /** Topic-level `max.message.bytes` when the broker default (1 MB) is too small. */
  readonly maxMessageBytes?: number;
  /** Topic-level `retention.ms` when the broker default (7 days) keeps data longer than it may live. */
  readonly retentionMs?: number;
}

/** What a provisioner creates: one entry per topic, dead-letter topics included. */
export interface ProvisionedTopic {
  readonly name: string;
  readonly partitions: number;
  readonly config: Readonly<Record<string, string>>;
}

/** Onboarding commands carry KYC files (<= 3 x 5 MB, base64): docs/decisions/0002. */
const KYC_COMMAND_MAX_BYTES = 25 * 1024 * 1024;

/**
 * Reply topics of Nest's Kafka request-reply need at least as many partitions as there are
 * gateway replicas: each replica is assigned its own reply partition.
 */
export const GATEWAY_MAX_REPLICAS = 4;

/** How long Kafka keeps a sealed one-time code; segments roll as often, so deletion is not held back by an open segment. */
export const SECURE_CODE_RETENTION_MS = 15 * 60 * 1000;

const command = (owner: string, description: string, maxMessageBytes?: number): TopicSpec[] => [
  { name: `${owner}.commands`, key: 'externalUserId', partitions: 4, description, dlq: false, ...(maxMessageBytes ? { maxMessageBytes } : {}) },
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
  ...command('onboarding', 'Gateway → onboarding-kyc commands (create user, KYC, reads)', KYC_COMMAND_MAX_BYTES),
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
  { name: 'cards.events', key: 'cardId', partitions: 4, description: 'Card events: status changes, limits, transactions', dlq: false },
  // A one-time code is worthless after minutes and must not outlive that: 15 min retention
  // (plus the broker's segment roll, below), sealed payloads (docs/cards.md).
  {
    name: 'cards.secure-codes',
    key: 'cardId',
    partitions: 4,
    description: 'Sealed 3-D Secure and wallet-activation codes for the card holder',
    dlq: false,
    retentionMs: SECURE_CODE_RETENTION_MS,
  },
];

/**
 * Every topic to provision, dead-letter topics included. A dead letter keeps the original bytes,
 * so it allows the same message size as its topic.
 */
export function allTopicNames(): ProvisionedTopic[] {
  return TOPIC_CATALOG.flatMap((t) => {
    const config: Record<string, string> = {
      ...(t.maxMessageBytes ? { 'max.message.bytes': String(t.maxMessageBytes) } : {}),
      ...(t.retentionMs ? { 'retention.ms': String(t.retentionMs), 'segment.ms': String(t.retentionMs) } : {}),
    };
    const topic = { name: t.name, partitions: t.partitions, config };
    return t.dlq ? [topic, { name: `${t.name}.dlq`, partitions: 1, config }] : [topic];
  });
}
