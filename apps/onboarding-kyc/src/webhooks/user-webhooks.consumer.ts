import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext, Payload } from '@nestjs/microservices';
import { webhookMessageType, webhookTopic } from '@platform/contracts';
import { InboxConsumer, type InboxHandlers } from '@platform/database';
import { kafkaTopic, toIncomingMessage } from '@platform/kafka';
import { HighRiskKycWebhookHandler } from './high-risk-kyc.webhook-handler';
import { KycFileStatusWebhookHandler } from './kyc-file-status.webhook-handler';
import { KycVerificationStatusWebhookHandler } from './kyc-verification-status.webhook-handler';
import { PoaVerificationStatusWebhookHandler } from './poa-verification-status.webhook-handler';
import { UserStatusWebhookHandler } from './user-status.webhook-handler';

const USER_WEBHOOKS_TOPIC = webhookTopic('user');

/**
 * P100 user & KYC webhooks from webhook-ingest, through the platform inbox (dedupe, retries,
 * DLQ); every handler moves the user through UserLifecycle.
 */
@Controller()
export class UserWebhooksConsumer {
  private readonly handlers: InboxHandlers;

  constructor(
    private readonly inbox: InboxConsumer,
    userStatus: UserStatusWebhookHandler,
    kycFileStatus: KycFileStatusWebhookHandler,
    kycVerificationStatus: KycVerificationStatusWebhookHandler,
    poaVerificationStatus: PoaVerificationStatusWebhookHandler,
    highRiskKyc: HighRiskKycWebhookHandler,
  ) {
    this.handlers = {
      [webhookMessageType('user-status')]: userStatus,
      [webhookMessageType('kyc-file-status')]: kycFileStatus,
      [webhookMessageType('kyc-verification-status')]: kycVerificationStatus,
      [webhookMessageType('poa-verification-status')]: poaVerificationStatus,
      [webhookMessageType('high-risk-kyc-verification')]: highRiskKyc,
    };
  }

  @EventPattern<string>(kafkaTopic(USER_WEBHOOKS_TOPIC))
  async onUserWebhook(@Payload() data: unknown, @Ctx() context: KafkaContext): Promise<void> {
    await this.inbox.consume(toIncomingMessage(data, context), this.handlers);
  }
}
