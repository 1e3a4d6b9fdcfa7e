import { Controller, Get, Param, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { ApiKeyGuard } from '../auth/api-key.guard';
import { GetUserBalancesHandler } from './get-user-balances.handler';
import type { UserBalancesView } from './user-balances.response';

@ApiTags('P100 · User Balances')
@ApiSecurity('api-key')
@UseGuards(ApiKeyGuard)
@Controller('v1/user/balances')
export class BalancesController {
  constructor(private readonly handler: GetUserBalancesHandler) {}

  @Get(':externalUserId')
  @ApiOperation({ summary: 'Get User Balances (endpoints.md #34); empty lists before KYC approval' })
  getUserBalances(@Param('externalUserId') externalUserId: string): Promise<UserBalancesView> {
    return this.handler.execute(externalUserId);
  }
}
