import { Injectable } from '@nestjs/common';
import type { InboxContext, InboxHandler } from '@platform/database';
import { highRiskKycVerificationWebhookSchema, type HighRiskKycVerificationWebhook } from '@platform/p100-client';
import { UserLifecycle } from '../users/user-lifecycle';

/** The words (inferred: only the event's name is documented) that mean "proof of address needed". */
const POA_NEEDED = new Set(['POA_REQUIRED', 'HIGH_RISK']);

/**
 * High Risk KYC Verification: AML screening classed the user high risk, which makes proof of
 * address mandatory (P100's FAQ). A user still in KYC waits in POA_REQUIRED; an ACTIVE one
 * stays ACTIVE with poaStatus REQUIRED.
 */
@Injectable()
export class HighRiskKycWebhookHandler implements InboxHandler<HighRiskKycVerificationWebhook> {
  readonly schema = highRiskKycVerificationWebhookSchema;

  constructor(private readonly lifecycle: UserLifecycle) {}

  async handle(webhook: HighRiskKycVerificationWebhook, { manager, eventId }: InboxContext): Promise<void> {
    if (!POA_NEEDED.has(webhook.status.toUpperCase())) return;
    await this.lifecycle.apply(manager, webhook.externalUserId, 'highRisk', { source: 'webhook', id: eventId }, { p100Status: webhook.status });
  }
}
