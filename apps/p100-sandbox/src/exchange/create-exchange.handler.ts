import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { DataSource } from 'typeorm';
import { scaled, type SandboxConfig } from '../config/sandbox-config';
import { SANDBOX_CONFIG } from '../config/sandbox-config.token';
import { P100ValidationError } from '../errors/p100-error';
import { parseP100Input } from '../errors/parse-p100-input';
import type { LedgerOwner } from '../ledger/ledger.service';
import { exactJsonBody } from '../money/exact-json';
import { consumeRateLock } from '../rates/rate-locks.repository';
import { requireUser } from '../users/require-user';
import { ExchangeSettlementWorker } from './exchange-settlement.worker';
import { quoteExchange } from './exchange-quote';
import { partnerExchangeRequest, userExchangeRequest, type ExchangeRequest } from './exchange.request';
import { insertExchange } from './exchanges.repository';

/**
 * Create and Finalize an Exchange (#6 partner, #38 user). Validates, uses the lock and queues the
 * exchange; the answer is just the id. Funds are checked when the worker settles it, as on P100
 * ("balance and compliance checks run asynchronously"), so insufficient funds end as FAILED.
 */
@Injectable()
export class CreateExchangeHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly worker: ExchangeSettlementWorker,
    @Inject(SANDBOX_CONFIG) private readonly config: SandboxConfig,
  ) {}

  forPartner(request: FastifyRequest): Promise<{ exchangeId: string }> {
    return this.create(parseP100Input(partnerExchangeRequest, exactJsonBody(request)));
  }

  forUser(request: FastifyRequest): Promise<{ exchangeId: string }> {
    return this.create(parseP100Input(userExchangeRequest, exactJsonBody(request)));
  }

  private async create(input: ExchangeRequest): Promise<{ exchangeId: string }> {
    const id = randomUUID();
    await this.dataSource.transaction(async (tx) => {
      let owner: LedgerOwner = { kind: 'partner' };
      if (input.sourceExternalUserId !== undefined) {
        const user = await requireUser(tx, input.sourceExternalUserId, { verified: true, notSuspended: true });
        owner = { kind: 'user', userId: user.id };
      }
      const lock = await consumeRateLock(tx, input.lockId, owner);
      const quote = quoteExchange(input.amount, input.currencyFrom, input.currencyTo, lock.rates, lock.fee_percentage);
      if (!quote) throw new P100ValidationError(['amount is too small to exchange']);
      await insertExchange(tx, {
        id,
        owner,
        lockId: lock.id,
        currencyFrom: input.currencyFrom,
        currencyTo: input.currencyTo,
        amount: input.amount,
        feePercentage: lock.fee_percentage,
        quote,
        delayMs: scaled(this.config, this.config.moneyProcessingDelayMs),
      });
    });
    this.worker.wake();
    return { exchangeId: id };
  }
}
