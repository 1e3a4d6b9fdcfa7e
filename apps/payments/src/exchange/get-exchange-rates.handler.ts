import { Injectable } from '@nestjs/common';
import { userPaymentsRefSchema, type ExchangeRatesView, type UserPaymentsRef } from '@platform/contracts';
import type { CommandHandler } from '@platform/kafka';
import { P100Client } from '@platform/p100-client';
import { rateList } from './rate-view';

/** Indicative rates: display only, they reserve nothing (use a lock to exchange). */
@Injectable()
export class GetExchangeRatesHandler implements CommandHandler<UserPaymentsRef, ExchangeRatesView> {
  readonly schema = userPaymentsRefSchema;

  constructor(private readonly p100: P100Client) {}

  async handle(): Promise<ExchangeRatesView> {
    return { rates: rateList(await this.p100.exchange.getRates()) };
  }
}
