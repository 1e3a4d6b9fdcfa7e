import { Controller, HttpCode, Param, Post, Req, UseGuards } from '@nestjs/common';
import { ApiBody, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { AdminKeyGuard } from '../admin/admin-key.guard';
import { exactJsonBody } from '../money/exact-json';
import type { OrderDetailsView } from './order.view';
import { PayOrderHandler } from './pay-order.handler';

/** Admin: the on-chain payment of an order. */
@ApiTags('admin')
@ApiHeader({ name: 'x-admin-key', required: false, description: 'required when P100_SANDBOX_ADMIN_KEY is set' })
@UseGuards(AdminKeyGuard)
@Controller('admin/orders')
export class OrdersAdminController {
  constructor(private readonly payOrder: PayOrderHandler) {}

  @Post(':orderId/payment')
  @HttpCode(200)
  @ApiOperation({ summary: "Simulate the payer's on-chain payment (default: exactly totalAmountRequired)" })
  @ApiBody({ required: false, schema: { type: 'object', properties: { amount: { type: 'string' }, transactionHash: { type: 'string' } } } })
  postPayment(@Param('orderId') orderId: string, @Req() request: FastifyRequest): Promise<OrderDetailsView> {
    return this.payOrder.execute(orderId, exactJsonBody(request));
  }
}
