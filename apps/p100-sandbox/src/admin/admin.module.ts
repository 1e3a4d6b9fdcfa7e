import { Module } from '@nestjs/common';
import { AdminController } from './admin.controller';
import { GetUserStateHandler } from './get-user-state.handler';
import { ListWebhookDeliveriesHandler } from './list-webhook-deliveries.handler';
import { RedeliverWebhookHandler } from './redeliver-webhook.handler';
import { ResetSandboxHandler } from './reset-sandbox.handler';
import { SetKycDecisionHandler } from './set-kyc-decision.handler';

@Module({
  controllers: [AdminController],
  providers: [SetKycDecisionHandler, GetUserStateHandler, ListWebhookDeliveriesHandler, RedeliverWebhookHandler, ResetSandboxHandler],
})
export class AdminModule {}
