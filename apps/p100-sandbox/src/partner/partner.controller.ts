import { Controller, Get, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { ApiKeyGuard } from '../auth/api-key.guard';
import type { UserBalancesView } from '../balances/user-balances.response';
import { GetPartnerBalancesHandler } from './get-partner-balances.handler';

@ApiTags('P100 · Partner Operations')
@ApiSecurity('api-key')
@UseGuards(ApiKeyGuard)
@Controller('v1/partner')
export class PartnerController {
  constructor(private readonly balances: GetPartnerBalancesHandler) {}

  @Get('balances')
  @ApiOperation({ summary: 'Get Balances (endpoints.md #1): the partner master balances' })
  getBalances(): Promise<UserBalancesView> {
    return this.balances.execute();
  }
}
