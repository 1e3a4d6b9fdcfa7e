import { Body, Controller, Get, HttpCode, Post, Query, UseGuards } from '@nestjs/common';
import { ApiBody, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AdminKeyGuard } from '../admin/admin-key.guard';
import { CreditBalanceHandler, type CreditResult } from './credit-balance.handler';
import type { JournalEntry } from './journal.repository';
import { ListJournalHandler } from './list-journal.handler';

@ApiTags('admin')
@ApiHeader({ name: 'x-admin-key', required: false, description: 'required when P100_SANDBOX_ADMIN_KEY is set' })
@UseGuards(AdminKeyGuard)
@Controller('admin/ledger')
export class LedgerAdminController {
  constructor(
    private readonly credit: CreditBalanceHandler,
    private readonly journal: ListJournalHandler,
  ) {}

  @Post('credit')
  @HttpCode(200)
  @ApiOperation({ summary: "Fund a user's (KYC approved) or the partner's balance; amount is a decimal string" })
  @ApiBody({ schema: { type: 'object', example: { externalUserId: 'user-1', currency: 'btc', amount: '0.12345678' } } })
  postCredit(@Body() body: unknown): Promise<CreditResult> {
    return this.credit.execute(body);
  }

  @Get('journal')
  @ApiOperation({ summary: 'Ledger movements; filters externalUserId | partner=true, currency, referenceType, referenceId, limit' })
  getJournal(@Query() query: unknown): Promise<{ entries: JournalEntry[] }> {
    return this.journal.execute(query);
  }
}
