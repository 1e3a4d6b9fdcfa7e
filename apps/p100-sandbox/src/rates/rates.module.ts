import { Module } from '@nestjs/common';
import { CreateRateLockHandler } from './create-rate-lock.handler';
import { CurrentRates } from './current-rates';
import { GetRatesHandler } from './get-rates.handler';
import { RatesAdminController } from './rates-admin.controller';
import { RatesController } from './rates.controller';
import { SetRatesHandler } from './set-rates.handler';

/** Exports the one CurrentRates (drift included) and the indicative rate map for orders. */
@Module({
  controllers: [RatesController, RatesAdminController],
  providers: [CurrentRates, GetRatesHandler, CreateRateLockHandler, SetRatesHandler],
  exports: [CurrentRates, GetRatesHandler],
})
export class RatesModule {}
