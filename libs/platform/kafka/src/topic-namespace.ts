/**
 * One Kafka cluster, several platforms on it: every topic and consumer group id of this process
 * is prefixed with `KAFKA_NAMESPACE` (empty in production, `staging.` on a shared cluster, a fresh
 * `t<hex>.` per test project: tools/platform/jest-global-setup.mjs). Application code names
 * topics as the catalog does; only this adapter sees the prefixed ("physical") names.
 *
 * Read from the environment, not from settings, because Nest's @MessagePattern/@EventPattern take
 * their topics when a class is declared, before any module is configured.
 */
const NAMESPACE_PATTERN = /^(?:[a-z0-9][a-z0-9_-]{0,47}\.)?$/;

export function kafkaNamespace(): string {
  const namespace = process.env.KAFKA_NAMESPACE ?? '';
  if (!NAMESPACE_PATTERN.test(namespace)) {
    throw new Error(`KAFKA_NAMESPACE must be empty or lowercase letters, digits, '_' or '-' ending in '.', e.g. "staging.", got "${namespace}"`);
  }
  return namespace;
}

/** The topic as it exists on the broker: `onboarding.commands` → `t1a2b.onboarding.commands`. */
export function kafkaTopic(name: string): string {
  return `${kafkaNamespace()}${name}`;
}

/** The catalog name of a topic read from the broker (the inverse of kafkaTopic). */
export function catalogTopic(physical: string): string {
  const namespace = kafkaNamespace();
  return namespace && physical.startsWith(namespace) ? physical.slice(namespace.length) : physical;
}

/** Consumer group ids share the namespace, so two platforms on one cluster never share a group. */
export function kafkaGroupId(groupId: string): string {
  return `${kafkaNamespace()}${groupId}`;
}
