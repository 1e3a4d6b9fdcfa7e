import { Body, Controller, Get, HttpCode, Param, Post, Req, UseGuards } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { ApiKeyGuard } from '../auth/api-key.guard';
import { exactJsonBody } from '../money/exact-json';
import { GetRatesHandler } from '../rates/get-rates.handler';
import { CreateOrderHandler } from './create-order.handler';
import { GetOrderDetailsHandler } from './get-order-details.handler';
import { LockOrderRateHandler, type OrderLockView } from './lock-order-rate.handler';
import type { OrderDetailsView } from './order.view';

/** P100 Orders (endpoints.md #16–19): crypto payments settled to the partner's EUR balance. */
@ApiTags('P100 · Orders')
@ApiSecurity('api-key')
@UseGuards(ApiKeyGuard)
@Controller('v1/order')
export class OrdersController {
  constructor(
    private readonly rates: GetRatesHandler,
    private readonly lockRate: LockOrderRateHandler,
    private readonly createOrder: CreateOrderHandler,
    private readonly orderDetails: GetOrderDetailsHandler,
  ) {}

  @Get('rates')
  @ApiOperation({ summary: 'Get Rates for orders (#16, path inferred): indicative EUR rates, no lock' })
  getOrderRates(): Promise<Record<string, number>> {
    return this.rates.execute();
  }

  @Post('lock-rate')
  @HttpCode(200)
  @ApiOperation({ summary: 'Retrieve Order Rate and Create a Lock (#17): crypto needed for a EUR settlement' })
  @ApiBody({ schema: { type: 'object', required: ['currency', 'amount', 'network'], example: { currency: 'usdc', amount: '346.59', network: 'polygon' } } })
  lockOrderRate(@Req() request: FastifyRequest): Promise<OrderLockView> {
    return this.lockRate.execute(exactJsonBody(request));
  }

  @Post()
  @HttpCode(200)
  @ApiOperation({ summary: 'Create and Finalize an Order (#18): uses the lock once' })
  @ApiBody({ schema: { type: 'object', required: ['lockId'], example: { lockId: '36e19a53-a1b4-499c-99f7-b7bfc6be87e4' } } })
  createOrderFromLock(@Body() body: unknown): Promise<{ orderId: string }> {
    return this.createOrder.execute(body);
  }

  @Get('details/:orderId')
  @ApiOperation({ summary: 'Get Order Details (#19)' })
  getOrderDetails(@Param('orderId') orderId: string): Promise<OrderDetailsView> {
    return this.orderDetails.execute(orderId);
  }
}
