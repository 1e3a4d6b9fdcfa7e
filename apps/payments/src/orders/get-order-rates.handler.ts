import { Injectable } from '@nestjs/common';
import { partnerRefSchema, type ExchangeRatesView, type PartnerRef } from '@platform/contracts';
import type { CommandHandler } from '@platform/kafka';
import { P100Client } from '@platform/p100-client';
import { rateList } from '../exchange/rate-view';

/** Indicative order rates (EUR per unit): display only; an order needs a lock. */
@Injectable()
export class GetOrderRatesHandler implements CommandHandler<PartnerRef, ExchangeRatesView> {
  readonly schema = partnerRefSchema;

  constructor(private readonly p100: P100Client) {}

  async handle(): Promise<ExchangeRatesView> {
    return { rates: rateList(await this.p100.orders.getRates()) };
  }
}
