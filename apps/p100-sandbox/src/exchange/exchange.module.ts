import { Module } from '@nestjs/common';
import { CreateExchangeHandler } from './create-exchange.handler';
import { ExchangeSettlementWorker } from './exchange-settlement.worker';
import { ExchangeController } from './exchange.controller';
import { GetExchangeDetailsHandler } from './get-exchange-details.handler';

@Module({
  controllers: [ExchangeController],
  providers: [CreateExchangeHandler, GetExchangeDetailsHandler, ExchangeSettlementWorker],
})
export class ExchangeModule {}
