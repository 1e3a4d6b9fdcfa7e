import { Module } from '@nestjs/common';
import { GeneratePaymentLinkHandler } from './generate-payment-link.handler';
import { GetPaymentLinkDetailsHandler } from './get-payment-link-details.handler';
import { PayPaymentLinkHandler } from './pay-payment-link.handler';
import { PaymentLinkWorker } from './payment-link.worker';
import { PaymentLinksAdminController } from './payment-links-admin.controller';
import { PaymentLinksController } from './payment-links.controller';

@Module({
  controllers: [PaymentLinksController, PaymentLinksAdminController],
  providers: [GeneratePaymentLinkHandler, GetPaymentLinkDetailsHandler, PayPaymentLinkHandler, PaymentLinkWorker],
})
export class PaymentLinksModule {}
