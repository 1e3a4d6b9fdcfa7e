import { Controller, Get, HttpCode, Param, Post, Req, UseGuards } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { ApiKeyGuard } from '../auth/api-key.guard';
import { CreateExchangeHandler } from './create-exchange.handler';
import type { ExchangeView } from './exchange.view';
import { GetExchangeDetailsHandler } from './get-exchange-details.handler';

@ApiTags('P100 · Currency Exchange')
@ApiSecurity('api-key')
@UseGuards(ApiKeyGuard)
@Controller('v1')
export class ExchangeController {
  constructor(
    private readonly create: CreateExchangeHandler,
    private readonly details: GetExchangeDetailsHandler,
  ) {}

  @Post('partner/exchange')
  @HttpCode(200)
  @ApiOperation({ summary: 'Create and Finalize an Exchange, partner (endpoints.md #6); settles asynchronously' })
  @ApiBody({ schema: { type: 'object', example: { amount: 10, currencyFrom: 'eth', currencyTo: 'eur', lockId: '00000000-0000-4000-8000-000000000000' } } })
  createPartnerExchange(@Req() request: FastifyRequest): Promise<{ exchangeId: string }> {
    return this.create.forPartner(request);
  }

  @Post('exchange')
  @HttpCode(200)
  @ApiOperation({ summary: 'Create and Finalize an Exchange, user (endpoints.md #38); settles asynchronously' })
  @ApiBody({
    schema: {
      type: 'object',
      example: { sourceExternalUserId: 'user-1', amount: 0.001, currencyFrom: 'btc', currencyTo: 'eur', lockId: '00000000-0000-4000-8000-000000000000' },
    },
  })
  createUserExchange(@Req() request: FastifyRequest): Promise<{ exchangeId: string }> {
    return this.create.forUser(request);
  }

  @Get('exchange/details/:exchangeId')
  @ApiOperation({ summary: 'Retrieve Detailed Exchange Information (endpoints.md #7 and #39)' })
  getExchangeDetails(@Param('exchangeId') exchangeId: string): Promise<ExchangeView> {
    return this.details.execute(exchangeId);
  }
}
