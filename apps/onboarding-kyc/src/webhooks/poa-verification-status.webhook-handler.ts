import { Injectable } from '@nestjs/common';
import type { InboxContext, InboxHandler } from '@platform/database';
import { poaVerificationStatusWebhookSchema, type PoaVerificationStatusWebhook } from '@platform/p100-client';
import { UserLifecycle, type UserTrigger } from '../users/user-lifecycle';

const TRIGGERS: Record<PoaVerificationStatusWebhook['status'], UserTrigger> = {
  WAITING: 'poaWaiting',
  QUESTIONED: 'poaQuestioned',
  REJECTED: 'poaRejected',
  APPROVED: 'poaApproved',
};

/** POA Verification Status: moves the proof-of-address sub-state (APPROVED is final). */
@Injectable()
export class PoaVerificationStatusWebhookHandler implements InboxHandler<PoaVerificationStatusWebhook> {
  readonly schema = poaVerificationStatusWebhookSchema;

  constructor(private readonly lifecycle: UserLifecycle) {}

  async handle(webhook: PoaVerificationStatusWebhook, { manager, eventId }: InboxContext): Promise<void> {
    await this.lifecycle.apply(manager, webhook.externalUserId, TRIGGERS[webhook.status], { source: 'webhook', id: eventId }, { p100Status: webhook.status });
  }
}
