import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { ONBOARDING_EVENTS_TOPIC, OnboardingEvents, type UserChangedEvent } from '@platform/contracts';
import { enqueueEvent } from '@platform/database';
import type { UserEntity } from './user.entity';

type EventName = keyof typeof OnboardingEvents;

/**
 * Enqueues a change's `onboarding.user.*` events in the caller's transaction, keyed by the user.
 * created/activated keep their own payloads; every other event carries where the user is now.
 */
export async function enqueueUserEvents(
  manager: EntityManager,
  user: UserEntity,
  events: readonly EventName[],
  change: { cause: string; at: Date; changedFields?: string[] },
): Promise<void> {
  for (const name of events) {
    const { type } = OnboardingEvents[name];
    await enqueueEvent(manager, {
      // From the cause (a webhook's inbox event id, a command's intent key): a reprocessed cause cannot emit twice.
      eventId: derivedEventId(change.cause, type),
      topic: ONBOARDING_EVENTS_TOPIC,
      key: user.externalUserId,
      type,
      payload: payloadOf(name, user, change),
      occurredAt: change.at,
    });
  }
}

function payloadOf(name: EventName, user: UserEntity, change: { at: Date; changedFields?: string[] }): Record<string, unknown> {
  if (name === 'userCreated') return { externalUserId: user.externalUserId, p100UserId: user.p100UserId, createdAt: user.createdAt.toISOString() };
  if (name === 'userActivated') return { externalUserId: user.externalUserId, p100UserId: user.p100UserId, activatedAt: (user.activatedAt ?? change.at).toISOString() };
  const changed: UserChangedEvent = {
    externalUserId: user.externalUserId,
    model: user.model,
    status: user.status,
    poaStatus: user.poaStatus,
    suspended: user.suspendedAt !== null,
    at: change.at.toISOString(),
    ...(change.changedFields && { changedFields: change.changedFields }),
  };
  return changed;
}

/** A UUID (version 5 layout) from the cause and the event type: the outbox's event_id is a uuid. */
export function derivedEventId(cause: string, type: string): string {
  const h = createHash('sha256').update(`${cause}\u0000${type}`).digest('hex');
  const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
