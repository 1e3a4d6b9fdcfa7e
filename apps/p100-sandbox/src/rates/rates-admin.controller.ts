import { Body, Controller, Get, Put, UseGuards } from '@nestjs/common';
import { ApiBody, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AdminKeyGuard } from '../admin/admin-key.guard';
import { SetRatesHandler, type RatesStateView } from './set-rates.handler';

@ApiTags('admin')
@ApiHeader({ name: 'x-admin-key', required: false, description: 'required when P100_SANDBOX_ADMIN_KEY is set' })
@UseGuards(AdminKeyGuard)
@Controller('admin/rates')
export class RatesAdminController {
  constructor(private readonly handler: SetRatesHandler) {}

  @Get()
  @ApiOperation({ summary: 'Current rates (exact decimal strings) and drift' })
  getRates(): Promise<RatesStateView> {
    return this.handler.read();
  }

  @Put()
  @ApiOperation({ summary: 'Set rates per EUR (decimal strings; they become the drift base) and/or the drift (basis points)' })
  @ApiBody({
    schema: {
      type: 'object',
      example: { rates: { btc: '60000.5', usdc: '0.92' }, drift: { stepBps: 10, boundBps: 500 } },
    },
  })
  putRates(@Body() body: unknown): Promise<RatesStateView> {
    return this.handler.execute(body);
  }
}
