import { Global, Module } from '@nestjs/common';
import { CreditBalanceHandler } from './credit-balance.handler';
import { LedgerAdminController } from './ledger-admin.controller';
import { LedgerService } from './ledger.service';
import { ListJournalHandler } from './list-journal.handler';

/** Global: every money-moving feature of the sandbox goes through the one LedgerService. */
@Global()
@Module({
  controllers: [LedgerAdminController],
  providers: [LedgerService, CreditBalanceHandler, ListJournalHandler],
  exports: [LedgerService],
})
export class LedgerModule {}
