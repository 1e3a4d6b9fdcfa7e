import { Injectable } from '@nestjs/common';
import type { InboxContext, InboxHandler } from '@platform/database';
import { userStatusWebhookSchema, type UserStatusWebhook } from '@platform/p100-client';
import { UserLifecycle } from '../users/user-lifecycle';

/**
 * User Balance Generation (`status: ACTIVE`): KYC passed and balances exist. The user becomes
 * ACTIVE and `onboarding.user.activated.v1` is published, in the transaction of the inbox entry.
 */
@Injectable()
export class UserStatusWebhookHandler implements InboxHandler<UserStatusWebhook> {
  readonly schema = userStatusWebhookSchema;

  constructor(private readonly lifecycle: UserLifecycle) {}

  async handle(webhook: UserStatusWebhook, { manager, eventId }: InboxContext): Promise<void> {
    if (webhook.status.toUpperCase() !== 'ACTIVE') return;
    await this.lifecycle.apply(manager, webhook.externalUserId, 'activated', { source: 'webhook', id: eventId }, { p100Status: webhook.status });
  }
}
