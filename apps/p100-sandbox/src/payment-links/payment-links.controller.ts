import { Controller, Get, HttpCode, Param, Post, Req, UseGuards } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { ApiKeyGuard } from '../auth/api-key.guard';
import { exactJsonBody } from '../money/exact-json';
import { GeneratePaymentLinkHandler, type PaymentLinkCreated } from './generate-payment-link.handler';
import { GetPaymentLinkDetailsHandler } from './get-payment-link-details.handler';
import type { PaymentLinkDetailsView } from './payment-link.view';

const LINK_EXAMPLE = { amount: '49.90', currency: 'eur', description: 'Order #1234', redirectUrl: 'https://shop.example.com/thanks' };

/** P100 Payment link & Checkout Link (endpoints.md #20–22; paths and bodies inferred). */
@ApiTags('P100 · Payment links')
@ApiSecurity('api-key')
@UseGuards(ApiKeyGuard)
@Controller('v1/payment-link')
export class PaymentLinksController {
  constructor(
    private readonly generate: GeneratePaymentLinkHandler,
    private readonly details: GetPaymentLinkDetailsHandler,
  ) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Generate Payment Link (#20, inferred)' })
  @ApiBody({ schema: { type: 'object', required: ['amount'], example: LINK_EXAMPLE } })
  generatePaymentLink(@Req() request: FastifyRequest): Promise<PaymentLinkCreated> {
    return this.generate.execute('payment-link', exactJsonBody(request));
  }

  @Post('hosted-checkout')
  @HttpCode(201)
  @ApiOperation({ summary: 'Generate Hosted Checkout (#21, inferred)' })
  @ApiBody({ schema: { type: 'object', required: ['amount'], example: LINK_EXAMPLE } })
  generateHostedCheckout(@Req() request: FastifyRequest): Promise<PaymentLinkCreated> {
    return this.generate.execute('hosted-checkout', exactJsonBody(request));
  }

  @Get('details/:paymentLinkId')
  @ApiOperation({ summary: 'Get Payment Link Details (#22, inferred)' })
  getPaymentLinkDetails(@Param('paymentLinkId') paymentLinkId: string): Promise<PaymentLinkDetailsView> {
    return this.details.execute(paymentLinkId);
  }
}
