import { Controller, Get, Param, Query, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { ApiKeyGuard } from '../auth/api-key.guard';
import { GetTransactionHistoryHandler, type TransactionHistoryView } from './get-transaction-history.handler';

@ApiTags('P100 · Balances & History')
@ApiSecurity('api-key')
@UseGuards(ApiKeyGuard)
@Controller('v1')
export class HistoryController {
  constructor(private readonly handler: GetTransactionHistoryHandler) {}

  @Get('partner/transaction-history')
  @ApiOperation({ summary: 'Get Transaction History, partner (endpoints.md #2; path inferred)' })
  @ApiQuery({ name: 'month', required: true })
  @ApiQuery({ name: 'year', required: true })
  getPartnerHistory(@Query() query: unknown): Promise<TransactionHistoryView> {
    return this.handler.forPartner(query);
  }

  @Get('user/transaction-history/:externalUserId')
  @ApiOperation({ summary: 'Get User Transaction History (endpoints.md #35; path inferred); P412' })
  @ApiQuery({ name: 'month', required: true })
  @ApiQuery({ name: 'year', required: true })
  getUserHistory(@Param('externalUserId') externalUserId: string, @Query() query: unknown): Promise<TransactionHistoryView> {
    return this.handler.forUser(externalUserId, query);
  }
}
