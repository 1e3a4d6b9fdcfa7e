import { Injectable } from '@nestjs/common';
import { partnerRefSchema, userPaymentsRefSchema, type ExchangeRatesView, type PartnerRef, type UserPaymentsRef } from '@platform/contracts';
import type { CommandHandler } from '@platform/kafka';
import { P100Client } from '@platform/p100-client';
import { rateList } from './rate-view';

/** Indicative rates, a user's (`owner`) or the partner's (null): display only, they reserve nothing (use a lock to exchange). */
async function ratesFor(p100: P100Client, owner: string | null): Promise<ExchangeRatesView> {
  return { rates: rateList(owner === null ? await p100.exchange.partnerGetRates() : await p100.exchange.getRates()) };
}

@Injectable()
export class GetExchangeRatesHandler implements CommandHandler<UserPaymentsRef, ExchangeRatesView> {
  readonly schema = userPaymentsRefSchema;

  constructor(private readonly p100: P100Client) {}

  handle({ externalUserId }: UserPaymentsRef): Promise<ExchangeRatesView> {
    return ratesFor(this.p100, externalUserId);
  }
}

/** The partner's exchange rates (P100's partner endpoint). */
@Injectable()
export class PartnerGetExchangeRatesHandler implements CommandHandler<PartnerRef, ExchangeRatesView> {
  readonly schema = partnerRefSchema;

  constructor(private readonly p100: P100Client) {}

  handle(): Promise<ExchangeRatesView> {
    return ratesFor(this.p100, null);
  }
}
