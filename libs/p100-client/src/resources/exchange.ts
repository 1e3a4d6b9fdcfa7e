import type { P100Send } from '../request';
import type {
  ExchangeDetails,
  ExchangeIdResponse,
  ExchangeLock,
  PartnerExchangeRequest,
  RateMap,
  UserExchangeRequest,
} from '../types/exchange';

export class ExchangeResource {
  constructor(private readonly send: P100Send) {}

  /** Indicative rates; reserves nothing. */
  getRates(): Promise<RateMap> {
    return this.send({ operation: 'getExchangeRates' });
  }

  /** A fresh lock for one user. GET per the contract, yet it creates a lock: do not cache it. */
  getLock(externalUserId: string): Promise<ExchangeLock> {
    return this.send({ operation: 'getExchangeLock', pathParams: { externalUserId } });
  }

  /** Queued: the outcome comes by webhook or `getDetails`. Never retried after an ambiguous failure. */
  execute(input: UserExchangeRequest): Promise<ExchangeIdResponse> {
    return this.send({ operation: 'userExecuteExchange', body: input });
  }

  getDetails(exchangeId: string): Promise<ExchangeDetails> {
    return this.send({ operation: 'getExchangeDetails', pathParams: { exchangeId } });
  }

  partnerGetRates(): Promise<RateMap> {
    return this.send({ operation: 'partnerGetExchangeRate' });
  }

  partnerGetLock(): Promise<ExchangeLock> {
    return this.send({ operation: 'partnerGetExchangeLock' });
  }

  partnerExecute(input: PartnerExchangeRequest): Promise<ExchangeIdResponse> {
    return this.send({ operation: 'partnerExecuteExchange', body: input });
  }
}
