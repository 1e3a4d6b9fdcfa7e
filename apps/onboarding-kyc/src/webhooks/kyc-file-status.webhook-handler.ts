import { Injectable } from '@nestjs/common';
import type { InboxContext, InboxHandler } from '@platform/database';
import { kycFileAddedWebhookSchema, type KycFileAddedWebhook } from '@platform/p100-client';
import { UserLifecycle } from '../users/user-lifecycle';

/** KYC File Added: remembers whether P100 accepted the uploaded documents (ADDED) or not (ERROR). */
@Injectable()
export class KycFileStatusWebhookHandler implements InboxHandler<KycFileAddedWebhook> {
  readonly schema = kycFileAddedWebhookSchema;

  constructor(private readonly lifecycle: UserLifecycle) {}

  async handle(webhook: KycFileAddedWebhook, { manager, eventId }: InboxContext): Promise<void> {
    await this.lifecycle.apply(manager, webhook.externalUserId, 'kycFileStatus', { source: 'webhook', id: eventId }, { kycFileStatus: webhook.status });
  }
}
