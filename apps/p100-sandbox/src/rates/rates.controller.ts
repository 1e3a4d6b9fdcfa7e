import { Controller, Get, Param, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { ApiKeyGuard } from '../auth/api-key.guard';
import { CreateRateLockHandler, type ExchangeLockView } from './create-rate-lock.handler';
import { GetRatesHandler } from './get-rates.handler';

@ApiTags('P100 · Currency Exchange')
@ApiSecurity('api-key')
@UseGuards(ApiKeyGuard)
@Controller('v1')
export class RatesController {
  constructor(
    private readonly getRates: GetRatesHandler,
    private readonly createLock: CreateRateLockHandler,
  ) {}

  @Get('exchange/get-rate')
  @ApiOperation({ summary: 'Retrieve Exchange Rate (endpoints.md #36)' })
  getUserRates(): Promise<Record<string, number>> {
    return this.getRates.execute();
  }

  @Get('partner/exchange/get-rate')
  @ApiOperation({ summary: 'Retrieve Exchange Rate, partner (endpoints.md #4; path inferred)' })
  getPartnerRates(): Promise<Record<string, number>> {
    return this.getRates.execute();
  }

  @Get('exchange/get-lock/:externalUserId')
  @ApiOperation({ summary: 'Retrieve Exchange Rate and Create a Lock (endpoints.md #37); P412' })
  getUserLock(@Param('externalUserId') externalUserId: string): Promise<ExchangeLockView> {
    return this.createLock.forUser(externalUserId);
  }

  @Get('partner/exchange/get-lock')
  @ApiOperation({ summary: 'Retrieve Exchange Rate and Create a Lock, partner (endpoints.md #5; path inferred)' })
  getPartnerLock(): Promise<ExchangeLockView> {
    return this.createLock.forPartner();
  }
}
