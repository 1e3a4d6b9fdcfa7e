import { Body, Controller, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import { ApiBody, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AdminKeyGuard } from '../admin/admin-key.guard';
import type { PaymentLinkDetailsView } from './payment-link.view';
import { PayPaymentLinkHandler } from './pay-payment-link.handler';

/** Admin: a payer completes a payment link or hosted checkout. */
@ApiTags('admin')
@ApiHeader({ name: 'x-admin-key', required: false, description: 'required when P100_SANDBOX_ADMIN_KEY is set' })
@UseGuards(AdminKeyGuard)
@Controller('admin/payment-links')
export class PaymentLinksAdminController {
  constructor(private readonly payLink: PayPaymentLinkHandler) {}

  @Post(':paymentLinkId/payment')
  @HttpCode(200)
  @ApiOperation({ summary: 'Simulate the payment of a link: PAID, EUR amount credited to the partner' })
  @ApiBody({ required: false, schema: { type: 'object', properties: { currency: { type: 'string', example: 'usdc' } } } })
  postPayment(@Param('paymentLinkId') paymentLinkId: string, @Body() body: unknown): Promise<PaymentLinkDetailsView> {
    return this.payLink.execute(paymentLinkId, body);
  }
}
