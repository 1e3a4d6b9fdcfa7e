import { Module } from '@nestjs/common';
import { GetTransactionHistoryHandler } from './get-transaction-history.handler';
import { HistoryController } from './history.controller';

@Module({ controllers: [HistoryController], providers: [GetTransactionHistoryHandler] })
export class HistoryModule {}
