import { Injectable } from '@nestjs/common';
import { ONBOARDING_EVENTS_TOPIC, OnboardingEvents, USER_STATUSES } from '@platform/contracts';
import { enqueueEvent, type InboxContext, type InboxHandler } from '@platform/database';
import { userStatusWebhookSchema, type UserStatusWebhook } from '@platform/p100-client';
import { UsersRepository } from '../users/users.repository';

/**
 * User Balance Generation (`status: ACTIVE`): KYC passed and balances exist. Marks the user ACTIVE
 * and publishes `onboarding.user.activated.v1`, in the transaction that records the inbox entry.
 */
@Injectable()
export class UserStatusWebhookHandler implements InboxHandler<UserStatusWebhook> {
  readonly schema = userStatusWebhookSchema;

  constructor(private readonly users: UsersRepository) {}

  async handle(webhook: UserStatusWebhook, { manager, eventId }: InboxContext): Promise<void> {
    if (webhook.status !== 'ACTIVE') return;
    const now = new Date();
    // From any earlier status: P100's decision is final even if our own replies were lost.
    const earlier = USER_STATUSES.filter((s) => s !== 'ACTIVE');
    const { user, moved } = await this.users.advance(manager, webhook.externalUserId, earlier, 'ACTIVE', { activatedAt: now });
    if (!moved) return;
    await enqueueEvent(manager, {
      // Derived from the webhook's event id: a reprocessed webhook cannot emit a second event.
      eventId,
      topic: ONBOARDING_EVENTS_TOPIC,
      key: user.externalUserId,
      type: OnboardingEvents.userActivated.type,
      payload: { externalUserId: user.externalUserId, p100UserId: user.p100UserId, activatedAt: now.toISOString() },
    });
  }
}
